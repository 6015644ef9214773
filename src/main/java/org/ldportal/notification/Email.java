package org.ldportal.notification;

import java.util.List;

/**
 * One email, in both forms every mail reader can show.
 *
 * @param to its addresses, each told separately (no one sees who else was told)
 */
record Email(List<String> to, String subject, String text, String html) {

    Email {
        to = List.copyOf(to);
    }

}
