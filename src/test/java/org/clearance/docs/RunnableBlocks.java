package org.clearance.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code blocks of a Markdown page that a reader would copy and run, as the page marks them:
 * <pre>
 * ```sh run            commands, one per line (a trailing backslash continues a line; "# …" is a comment)
 * ```sh run exit=1     the same, each command expected to exit 1 (a line's own "# exit 2 …" comment wins)
 * ```text output       the next block after a run block (prose may come between): what the run block's last
 *                      command prints, in part: its lines appear in that order (… stands for any text)
 * </pre>
 * Any other block is prose to this reader and is not run.
 */
record RunnableBlocks(Path page, List<Block> blocks) {

    private static final Pattern FENCE = Pattern.compile("^```(.*)$");
    private static final Pattern EXIT = Pattern.compile("\\bexit=(\\d+)\\b");
    private static final Pattern LINE_EXIT = Pattern.compile("#\\s*exit (\\d+)\\b");

    /** A run block: where it starts, its commands, the exit code each must give, and the output shown after it. */
    record Block(Path page, int line, List<Command> commands, int exitCode, Optional<List<String>> shownOutput) {

        String where() {
            return page + ":" + line;
        }
    }

    /** One command line as the reader would type it, the line of the page it starts on, and its exit code. */
    record Command(int line, String text, int exitCode) {
    }

    /** Any fenced block of a page: its info string (what follows the opening ```), first line and body. */
    record Fenced(String info, int line, List<String> body) {
    }

    /** Every fenced block of {@code page}, in order. */
    static List<Fenced> fenced(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page);
        List<Fenced> fenced = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            Matcher fence = FENCE.matcher(lines.get(n));
            if (fence.matches()) {
                int close = closingFence(lines, n + 1, page);
                fenced.add(new Fenced(fence.group(1).strip(), n + 1, List.copyOf(lines.subList(n + 1, close))));
                n = close;
            }
        }
        return fenced;
    }

    static RunnableBlocks read(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page);
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher fence = FENCE.matcher(lines.get(i));
            if (!fence.matches()) {
                i++;
                continue;
            }
            String info = fence.group(1).strip();
            int start = i + 1;
            int end = closingFence(lines, start, page);
            List<String> body = lines.subList(start, end);
            i = end + 1;
            if (isRunBlock(info)) {
                Optional<List<String>> shown = Optional.empty();
                int next = nextFence(lines, i);
                if (next < lines.size() && lines.get(next).strip().equals("```text output")) {
                    int outputEnd = closingFence(lines, next + 1, page);
                    shown = Optional.of(List.copyOf(lines.subList(next + 1, outputEnd)));
                    i = outputEnd + 1;
                }
                blocks.add(new Block(page, start, commands(body, start, exitCode(info)), exitCode(info), shown));
            } else if (info.equals("text output")) {
                throw new IllegalStateException(page + ":" + start + ": an output block must follow a run block");
            }
        }
        return new RunnableBlocks(page, List.copyOf(blocks));
    }

    private static boolean isRunBlock(String info) {
        String[] words = info.split("\\s+");
        return words.length >= 2 && words[0].equals("sh") && words[1].equals("run");
    }

    private static int exitCode(String info) {
        Matcher exit = EXIT.matcher(info);
        return exit.find() ? Integer.parseInt(exit.group(1)) : 0;
    }

    /** The lines of a block as commands: continuations joined, comments and blank lines dropped. */
    private static List<Command> commands(List<String> body, int firstLine, int blockExitCode) {
        List<Command> commands = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int pendingLine = 0;
        int exitCode = blockExitCode;
        for (int n = 0; n < body.size(); n++) {
            String raw = body.get(n);
            String code = ShellWords.withoutComment(raw);
            String line = code.strip();
            Matcher ownExit = LINE_EXIT.matcher(raw.substring(code.length()));
            if (ownExit.find()) {
                exitCode = Integer.parseInt(ownExit.group(1));
            }
            if (pending.isEmpty()) {
                pendingLine = firstLine + n + 1;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            if (!pending.toString().isBlank()) {
                commands.add(new Command(pendingLine, pending.toString().strip(), exitCode));
            }
            pending.setLength(0);
            exitCode = blockExitCode;
        }
        return commands;
    }

    private static int closingFence(List<String> lines, int from, Path page) {
        for (int n = from; n < lines.size(); n++) {
            if (lines.get(n).strip().equals("```")) {
                return n;
            }
        }
        throw new IllegalStateException(page + ":" + from + ": code block not closed");
    }

    private static int nextFence(List<String> lines, int from) {
        int n = from;
        while (n < lines.size() && !lines.get(n).startsWith("```")) {
            n++;
        }
        return n;
    }
}
