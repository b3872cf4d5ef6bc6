package io.gridbot.channel.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses robot chat bodies over {@value #MAX_BYTES} bytes with a 400 problem: at once when the
 * declared length is too big, and while reading when an undeclared (chunked) body grows too big.
 * Photo uploads are limited by their own controller.
 */
@Component
class BodyLimitFilter extends OncePerRequestFilter {

  static final int MAX_BYTES = 8 * 1024;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // photos have their own, larger limit (PhotoController)
    return !request.getRequestURI().startsWith("/api/robot/")
        || request.getRequestURI().startsWith(PhotoStore.PATH)
        || request.getRequestURI().equals("/api/robot/photos");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BYTES) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "{\"type\":\"urn:gridbot:problem:body-too-large\",\"title\":\"Body too large\","
                  + "\"status\":400,\"detail\":\"request body is over "
                  + MAX_BYTES
                  + " bytes\",\"instance\":\""
                  + request.getRequestURI().replace("\"", "")
                  + "\"}");
      return;
    }
    chain.doFilter(new LimitedRequest(request), response);
  }

  /** A request whose body stream fails once more than the limit has been read. */
  private static final class LimitedRequest extends HttpServletRequestWrapper {
    LimitedRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0) {
            count(1);
          }
          return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          int n = in.read(buf, off, len);
          if (n > 0) {
            count(n);
          }
          return n;
        }

        private void count(int n) throws IOException {
          read += n;
          if (read > MAX_BYTES) {
            throw new IOException("request body is over " + MAX_BYTES + " bytes");
          }
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
