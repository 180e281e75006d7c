/**
 * The {@code herald:} console commands (private to this bundle; Karaf finds them through the
 * {@code Karaf-Commands} header, which scans this package and its sub-packages).
 * <p>
 * To add a command, put it in a sub-package for its domain ({@code contact}, {@code field},
 * {@code list}, {@code tag}, …) and follow the others:
 * <ol>
 * <li>{@code @Service @Command(scope = "herald", name = "noun-verb", description = "…")} on a class
 * extending {@link org.herald.shell.internal.HeraldAction};</li>
 * <li>{@code @Argument}/{@code @Option} fields with descriptions, {@code multiValued = true} for
 * repeatable ones, {@code @Completion} with a completer from {@code completers};</li>
 * <li>{@code @Reference} to the service that does the work (every reference of every command must
 * be satisfied before Karaf registers any command of this bundle: mark a reference to a service
 * from an optional bundle {@code optional = true});</li>
 * <li>{@code run(PrintStream out)}: parse strings with {@link org.herald.shell.internal.Args}, call
 * the service once, print one line saying what happened (or a {@code ShellTable}); throw the
 * service's {@link org.herald.common.HeraldException}s unchanged: the base class prints
 * {@code Error: <message>} and fails the command;</li>
 * <li>keep renderings in static methods ({@code table(…)}, {@code outcome(…)}) and test them with
 * plain JUnit.</li>
 * </ol>
 */
package org.herald.shell.internal;
