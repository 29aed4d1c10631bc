package io.tenure.server.web;

import io.tenure.core.error.ErrorCode;
import io.tenure.core.error.TenureException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * One mapping of the error catalogue to HTTP: not found (also for rows outside the caller's region, so a region
 * cannot be probed), forbidden, conflict, bad request for other user errors, 503 for an unavailable database.
 * The API answers JSON {code, message, field}; pages render the error page.
 */
@ControllerAdvice
public class Errors {
    public static HttpStatus status(ErrorCode code) {
        return switch (code) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case DATABASE_FAILURE, IO_FAILURE, ENGINE_FAILURE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    @ExceptionHandler(TenureException.class)
    Object handle(TenureException e, HttpServletRequest request) {
        HttpStatus status = status(e.code());
        if (request.getRequestURI().startsWith("/api/")) {
            return ResponseEntity.status(status).body(Map.of("code", e.code().name(), "message", e.getMessage()));
        }
        ModelAndView mv = new ModelAndView("error");
        mv.setStatus(status);
        mv.addObject("status", status.value());
        mv.addObject("message", e.getMessage());
        LayoutAdvice.decorate(mv);
        return mv;
    }
}
