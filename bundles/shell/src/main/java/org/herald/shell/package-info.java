/**
 * What every {@code herald:} console command builds on. This bundle has no commands: each domain
 * ships its commands in its own small bundle ({@code herald-contacts-shell},
 * {@code herald-bounces-shell}, …), installed by the domain's feature under
 * {@code <conditional><condition>shell</condition>}, so a missing or uninstalled domain takes only
 * its own commands away.
 * <p>
 * Why one bundle per domain: Karaf's shell extender registers a bundle's commands only when every
 * {@code @Reference} of every command and completer in it is satisfied. A bundle whose commands all
 * need services of one feature is either complete or absent, with no optional references and no
 * null checks.
 * <p>
 * To add a command:
 * <ol>
 * <li>put it in the command bundle of its domain ({@code bundles/<domain>-shell}, package
 * {@code org.herald.<domain>.shell.internal}, listed in that bundle's {@code Karaf-Commands}
 * header); a new domain gets a new command bundle (copy {@code bundles/bounces-shell}: a pom, a
 * {@code bnd.bnd} with {@code Karaf-Commands}) and a {@code <conditional>} in its feature that lists
 * this bundle and its own;</li>
 * <li>{@code @Service @Command(scope = "herald", name = "noun-verb", description = "…")} on a class
 * extending {@link org.herald.shell.HeraldAction};</li>
 * <li>{@code @Argument}/{@code @Option} fields with descriptions, {@code multiValued = true} for
 * repeatable ones, {@code @Completion} with a completer: the generic ones are in
 * {@link org.herald.shell.completers} (registered by this bundle), domain ones (which need the
 * domain's services) live in the command bundle;</li>
 * <li>{@code @Reference} to the service that does the work: only services of the command bundle's
 * own feature, so no reference is optional (a command that needs another domain's service belongs in
 * a bundle of a feature that requires that domain);</li>
 * <li>{@code run(PrintStream out)}: parse strings with {@link org.herald.shell.Args}, call the
 * service once, print one line saying what happened (or a {@code ShellTable}) using
 * {@link org.herald.shell.Formats}; throw the service's {@link org.herald.common.HeraldException}s
 * unchanged: the base class prints {@code Error: <message>} and fails the command;</li>
 * <li>keep renderings in static methods ({@code table(…)}, {@code outcome(…)}) and test them with
 * plain JUnit in the command bundle.</li>
 * </ol>
 * <p>
 * 1.1: {@link org.herald.shell.Formats#escape} and {@link org.herald.shell.Formats#escapeControls};
 * every command's output goes through the latter (in {@link org.herald.shell.HeraldAction}).
 */
@Export
@Version("1.1.0")
package org.herald.shell;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
