package org.clearance.rules.reload;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.clearance.rules.RulePackRegistry;

/**
 * Watches the rules folder's tree and reloads the pack once changes have been quiet for the debounce time, so that an
 * editor saving several files (or a git checkout) causes one reload; the reload activates the pack for every server.
 * Only {@code serve} starts it; CLI runs never watch.
 */
@ApplicationScoped
public class RulesDirectoryWatcher {

    private final RulePackRegistry registry;
    private final ReloadConfig config;
    private final PackCheckSlot slot;
    private volatile WatchService watchService;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> pending;
    private Path root;

    RulesDirectoryWatcher(RulePackRegistry registry, ReloadConfig config, PackCheckSlot slot) {
        this.registry = registry;
        this.config = config;
        this.slot = slot;
    }

    /** Starts watching the rules folder; does nothing if already watching or if watching is switched off. */
    public synchronized void start() {
        if (watchService != null || !config.watch()) {
            return;
        }
        root = registry.folder().toAbsolutePath().normalize(); // the folder, even while the live pack came from the database
        try {
            watchService = FileSystems.getDefault().newWatchService();
            registerTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + root, e);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "rules-reload"));
        daemon(this::watchLoop, "rules-watch").start();
        Log.infof("Watching %s for rule changes (debounce %d ms)", root, config.debounce().toMillis());
    }

    public synchronized boolean watching() {
        return watchService != null;
    }

    void stop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void stop() {
        if (watchService == null) {
            return;
        }
        try {
            watchService.close();
        } catch (IOException e) {
            Log.debug("closing the rules watch service", e);
        }
        scheduler.shutdownNow();
        watchService = null;
    }

    private void watchLoop() {
        WatchService service;
        synchronized (this) {
            service = watchService;
        }
        try {
            while (true) {
                WatchKey key = service.take();
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                        Path changed = dir.resolve(name);
                        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                            registerTree(changed); // a new folder: watch it and whatever was copied into it
                        }
                    }
                }
                key.reset();
                scheduleReload();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // stopped
        } catch (IOException e) {
            Log.errorf("Stopped watching %s: %s", root, e.getMessage());
        }
    }

    private synchronized void scheduleReload() {
        if (scheduler == null || scheduler.isShutdown()) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(this::reload, config.debounce().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reload() {
        try {
            slot.run(() -> registry.reload(ReloadTrigger.WATCH, org.clearance.security.Actor.system("watch"))); // waits for a validation in progress
        } catch (RulePackRejectedException e) {
            // already logged with every reason by the registry; the previous pack keeps serving
        } catch (RuntimeException e) {
            Log.error("Reloading the rule pack after a change failed; the previous pack keeps serving", e);
        }
    }

    private void registerTree(Path start) throws IOException {
        try (Stream<Path> dirs = Files.walk(start)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
