package org.clearance.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A slow test class that starts no application: it runs beside the application's tests (which run one after another
 * and use about one core) instead of after them. Only for classes that change no state other tests see (system
 * properties, shared files, the database) and do not look at every thread of the JVM.
 * <p>
 * Its tests run with their own class loader as the thread's context class loader: a thread that waits for the
 * concurrent tests may pick one up while it still holds the application's class loader, and configuration would then
 * be looked up in the application's classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ExtendWith(BesideTheApplication.OwnClassLoader.class)
public @interface BesideTheApplication {

    /** Sets the test class's loader as the context class loader around every method JUnit calls on it. */
    final class OwnClassLoader implements InvocationInterceptor {

        @Override
        public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                             ExtensionContext context) throws Throwable {
            withOwnLoader(invocation, context);
        }

        @Override
        public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                              ExtensionContext context) throws Throwable {
            withOwnLoader(invocation, context);
        }

        @Override
        public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                        ExtensionContext context) throws Throwable {
            withOwnLoader(invocation, context);
        }

        @Override
        public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                                ExtensionContext context) throws Throwable {
            withOwnLoader(invocation, context);
        }

        @Override
        public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                             ExtensionContext context) throws Throwable {
            withOwnLoader(invocation, context);
        }

        @Override
        public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
            withOwnLoader(invocation, context);
        }

        private static void withOwnLoader(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(context.getRequiredTestClass().getClassLoader());
            try {
                invocation.proceed();
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }
}
