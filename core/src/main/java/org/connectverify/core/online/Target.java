package org.connectverify.core.online;

import org.connectverify.core.http.ProbeRequest;

/**
 * One promise of the descriptor that the deployment must keep: a URL, how to probe it, and where the descriptor makes
 * the promise.
 *
 * @param kind what the URL is
 * @param pointer the JSON pointer of the value that names the URL (the empty string for the descriptor itself)
 * @param declared the URL as the descriptor writes it (before context parameters and baseUrl)
 * @param label the locale, lifecycle name or webhook event; null when there is none
 * @param request the probe, with the absolute URL
 */
record Target(Kind kind, String pointer, String declared, String label, ProbeRequest request) {

  enum Kind {
    BASE,
    DESCRIPTOR,
    TRANSLATION,
    ICON,
    PAGE,
    LIFECYCLE,
    WEBHOOK
  }

  String url() {
    return request.url();
  }
}
