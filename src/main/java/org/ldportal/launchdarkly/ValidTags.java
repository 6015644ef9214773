package org.ldportal.launchdarkly;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text of tags separated by commas that LaunchDarkly accepts ({@link Tags}): the one rule
 * for every form with tags. The message names the first tag refused.
 */
@Documented
@Constraint(validatedBy = ValidTags.Check.class)
@Target({ ElementType.FIELD, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidTags {

    String message() default "Separate tags with commas; each tag is 1 to 64 letters, digits, '.', '_' or '-'.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the text with {@link Tags#parse}. */
    final class Check implements ConstraintValidator<ValidTags, String> {

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            String problem = Tags.parse(text).problem();
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // The message quotes what was typed: escaped, so that it is never read as a
            // message template ({...}, ${...}).
            context.buildConstraintViolationWithTemplate(escaped(problem)).addConstraintViolation();
            return false;
        }

        private static String escaped(String message) {
            return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        }

    }

}
