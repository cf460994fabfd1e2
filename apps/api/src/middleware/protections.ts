import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The protections of OWASP's REST security guidance on every answer: a strict CSP, no sniffing, no
 * framing, no referrer, same-origin resources. An answer that sets its own (the /docs page, a
 * document) keeps them. Headers meant for HTML documents only (opener policy, legacy XSS filters,
 * download and DNS switches) are left to that page. No Strict-Transport-Security: the API speaks
 * plain HTTP behind whatever terminates TLS, and RFC 6797 (§7.2) forbids that header over a
 * non-secure transport; the TLS proxy sets it.
 */
export function protectAnswers(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xContentTypeOptions: true,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: false,
    crossOriginEmbedderPolicy: false,
    originAgentCluster: false,
    strictTransportSecurity: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    overwrite: false,
  });
}
