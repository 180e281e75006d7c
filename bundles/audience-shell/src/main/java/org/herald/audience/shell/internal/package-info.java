/** The segment and engagement console commands (private; registered through Karaf-Commands). */
package org.herald.audience.shell.internal;
