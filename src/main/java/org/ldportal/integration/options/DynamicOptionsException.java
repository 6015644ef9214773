package org.ldportal.integration.options;

/**
 * The choices of a dynamicEnum could not be had; the message says why, in words fit to
 * show.
 */
public class DynamicOptionsException extends RuntimeException {

    public DynamicOptionsException(String reason) {
        super(reason);
    }

}
