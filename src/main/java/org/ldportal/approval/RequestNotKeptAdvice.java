package org.ldportal.approval;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request for approval that could not be kept is told plainly, never as a server error
 * with a stack trace.
 */
@ControllerAdvice
class RequestNotKeptAdvice {

    @ExceptionHandler(RequestNotKeptException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String notKept() {
        return "requests/not-kept";
    }

}
