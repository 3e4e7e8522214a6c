package org.connectverify.probeit.acsb;

import com.atlassian.connect.spring.AtlassianHostUser;
import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The smallest atlassian-connect-spring-boot app with one page module, one webhook and the lifecycle callbacks
 * (ACSB's own /installed and /uninstalled), as a real target for the probe. Its descriptor is
 * {@code src/test/resources/atlassian-connect.json}; tests start it on a random loopback port.
 */
@SpringBootApplication
public class ProbeTargetApplication {

  /** The page module: any signed request from an installed tenant gets a tiny page. */
  @RestController
  static class Pages {
    @GetMapping(value = "/probe-page", produces = "text/html")
    String page(@AuthenticationPrincipal AtlassianHostUser user, @RequestParam("issueKey") String issueKey) {
      return "<!DOCTYPE html><p>probe page for " + escape(issueKey) + "</p>";
    }

    @PostMapping("/issue-created")
    ResponseEntity<Void> issueCreated(@AuthenticationPrincipal AtlassianHostUser user, @RequestBody String body) {
      return ResponseEntity.noContent().build();
    }

    private static String escape(String s) {
      return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
  }

  /** Whether the app refuses tokens of uninstalled tenants (tests switch it off to show ACSB's own behaviour). */
  public static final class UninstalledTenantGuard {
    volatile boolean enabled = true;
  }

  @Bean
  UninstalledTenantGuard uninstalledTenantGuard() {
    return new UninstalledTenantGuard();
  }

  /**
   * ACSB 2.2.1 keeps an uninstalled tenant's secret and still authenticates its tokens; refuse them, as a careful app
   * does (the probe reports probe/token-accepted-after-uninstall otherwise).
   */
  @Bean
  WebMvcConfigurer refuseUninstalledTenants(UninstalledTenantGuard guard) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry
            .addInterceptor(
                new HandlerInterceptor() {
                  @Override
                  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                      throws IOException {
                    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                    if (guard.enabled
                        && auth != null
                        && auth.getPrincipal() instanceof AtlassianHostUser
                        && !((AtlassianHostUser) auth.getPrincipal()).getHost().isAddonInstalled()) {
                      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                      return false;
                    }
                    return true;
                  }
                })
            .excludePathPatterns("/installed", "/uninstalled");
      }
    };
  }
}
