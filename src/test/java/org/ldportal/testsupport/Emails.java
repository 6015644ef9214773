package org.ldportal.testsupport;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the emails a test's SMTP server received. */
public final class Emails {

    private Emails() {
    }

    /**
     * The message's parts of this type ("text/plain", "text/html"), joined; at least one.
     */
    public static String part(MimeMessage message, String type) throws Exception {
        List<String> found = new ArrayList<>();
        collect(message.getContent(), type, found);
        assertThat(found).as("a " + type + " part").isNotEmpty();
        return String.join("\n", found);
    }

    private static void collect(Object content, String type, List<String> found) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    found.add(String.valueOf(part.getContent()));
                }
                else {
                    collect(part.getContent(), type, found);
                }
            }
        }
    }

}
