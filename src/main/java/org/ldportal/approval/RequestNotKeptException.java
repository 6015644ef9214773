package org.ldportal.approval;

/**
 * A request for approval could not be stored (nor its REQUESTED entry): nothing was kept,
 * nothing will be sent.
 */
public class RequestNotKeptException extends RuntimeException {

    public RequestNotKeptException() {
        super("The request for approval could not be kept");
    }

}
