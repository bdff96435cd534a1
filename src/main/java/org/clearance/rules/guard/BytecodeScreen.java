package org.clearance.rules.guard;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks the classes Drools compiled from a pack (consequences, functions, evals, declared types and the
 * invokers around them) against the {@link RuleCodePolicy allow-list}: every type, method and field they
 * reference — in instructions, signatures, class constants, invokedynamic bootstraps and their arguments,
 * supertypes and static initialisers — must be allowed, and no method may jump backwards (loop). Runs after
 * compilation and before any class is used, so a refused pack's code never runs.
 */
final class BytecodeScreen {

    /** One refused reference: the class it is in, a line of that class (0 if unknown) and what it uses. */
    record Refusal(String className, int line, String what) {
    }

    private final Set<String> ownClasses;

    private BytecodeScreen(Set<String> ownClasses) {
        this.ownClasses = ownClasses;
    }

    /** Screens every class of {@code store} (internal name with {@code .class} → bytes). */
    static List<Refusal> screen(Map<String, byte[]> store) {
        Set<String> own = new HashSet<>();
        store.keySet().forEach(name -> own.add(name.replaceFirst("\\.class$", "")));
        BytecodeScreen screen = new BytecodeScreen(own);
        Map<String, Refusal> refusals = new LinkedHashMap<>();
        store.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> screen.screenClass(e.getValue(), r -> refusals.putIfAbsent(r.className() + " " + r.what(), r)));
        return List.copyOf(refusals.values());
    }

    private void screenClass(byte[] bytes, java.util.function.Consumer<Refusal> sink) {
        ClassReader reader = new ClassReader(bytes);
        String className = reader.getClassName();
        boolean invoker = implementsCompiledInvoker(reader);
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            /** In a generated invoker's getMethodBytecode: Drools compares invokers through their Class there. */
            private boolean bytecodeCompare;

            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                if (superName != null) {
                    type(superName, 0, "extends");
                }
                if (interfaces != null) {
                    for (String itf : interfaces) {
                        type(itf, 0, "implements");
                    }
                }
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                descriptor(descriptor, 0);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                descriptor(descriptor, 0);
                if (exceptions != null) {
                    for (String exception : exceptions) {
                        type(exception, 0, "throws");
                    }
                }
                bytecodeCompare = invoker && name.equals("getMethodBytecode");
                return new MethodVisitor(Opcodes.ASM9) {
                    private int line;
                    private final Set<Label> seen = new HashSet<>();

                    @Override
                    public void visitLineNumber(int number, Label start) {
                        line = number;
                    }

                    @Override
                    public void visitLabel(Label label) {
                        seen.add(label);
                    }

                    @Override
                    public void visitJumpInsn(int opcode, Label label) {
                        if (seen.contains(label)) {
                            refuse(line, "a loop (for, while or do), which rules may not use: match facts with patterns instead");
                        }
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        type(type, line, null);
                    }

                    @Override
                    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
                        descriptor(descriptor, line);
                    }

                    @Override
                    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                        if (type != null) {
                            type(type, line, null);
                        }
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                        member(owner, name, descriptor, line, false);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                        if (bytecodeCompare && owner.equals("java/lang/Object") && name.equals("getClass")) {
                            return; // generated: MethodComparator.getMethodBytecode(getClass(), …) compares invokers
                        }
                        member(owner, name, descriptor, line, true);
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        constant(value, line);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                        String bsm = bootstrap.getOwner().replace('/', '.') + "." + bootstrap.getName();
                        if (!RuleCodePolicy.BOOTSTRAPS.contains(bsm)) {
                            refuse(line, bsm + ", which rules may not call");
                        }
                        descriptor(descriptor, line);
                        for (Object argument : arguments) {
                            constant(argument, line);
                        }
                    }
                };
            }

            private void constant(Object value, int line) {
                if (value instanceof Type type) {
                    if (type.getSort() == Type.METHOD) {
                        descriptor(type.getDescriptor(), line);
                    } else {
                        refuse(line, "the class literal " + type.getClassName() + ".class, which rules may not use");
                    }
                } else if (value instanceof Handle handle) {
                    member(handle.getOwner(), handle.getName(), handle.getDesc(), line, handle.getTag() >= Opcodes.H_INVOKEVIRTUAL);
                } else if (value instanceof ConstantDynamic dynamic) {
                    refuse(line, "a dynamic constant " + dynamic.getName() + ", which rules may not use");
                }
            }

            private void member(String owner, String name, String descriptor, int line, boolean method) {
                String ownerName = elementType(owner);
                if (ownerName == null || !ownClasses.contains(ownerName)) {
                    String binary = ownerName == null ? null : ownerName.replace('/', '.');
                    if (binary != null && (!RuleCodePolicy.typeAllowed(binary) || !RuleCodePolicy.memberAllowed(binary, name))) {
                        refuse(line, binary.replace('$', '.') + "." + name + ", which rules may not call");
                        return;
                    }
                }
                if (method) {
                    descriptor(descriptor, line);
                } else {
                    type(Type.getType(descriptor), line);
                }
            }

            private void descriptor(String descriptor, int line) {
                if (descriptor.startsWith("(")) {
                    Type method = Type.getMethodType(descriptor);
                    type(method.getReturnType(), line);
                    for (Type argument : method.getArgumentTypes()) {
                        type(argument, line);
                    }
                } else {
                    type(Type.getType(descriptor), line);
                }
            }

            private void type(Type type, int line) {
                if (type.getSort() == Type.ARRAY) {
                    type(type.getElementType(), line);
                } else if (type.getSort() == Type.OBJECT) {
                    type(type.getInternalName(), line, null);
                }
            }

            private void type(String internalName, int line, String how) {
                String name = elementType(internalName);
                if (name == null || ownClasses.contains(name)) {
                    return;
                }
                String binary = name.replace('/', '.');
                if (bytecodeCompare && binary.equals("java.lang.Class")) {
                    return;
                }
                if (!RuleCodePolicy.typeAllowed(binary) && !RuleCodePolicy.SIGNATURE_ONLY.contains(binary)) {
                    refuse(line, (how == null ? "" : how + " ") + binary.replace('$', '.') + ", which rules may not use");
                }
            }

            private void refuse(int line, String what) {
                sink.accept(new Refusal(className, line, what));
            }
        }, 0);
    }

    /** The class an internal name or array descriptor names, or null for primitive arrays. */
    private static String elementType(String internalName) {
        if (!internalName.startsWith("[")) {
            return internalName;
        }
        Type element = Type.getType(internalName).getElementType();
        return element.getSort() == Type.OBJECT ? element.getInternalName() : null;
    }

    private static boolean implementsCompiledInvoker(ClassReader reader) {
        for (String itf : reader.getInterfaces()) {
            if (itf.equals("org/drools/base/rule/accessor/CompiledInvoker")) {
                return true;
            }
        }
        return false;
    }
}
