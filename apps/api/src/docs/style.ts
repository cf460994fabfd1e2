/**
 * The stylesheet of the `/docs` page, served by the API itself at `/docs/style.css` (the page's CSP
 * allows no other). Kept as a module rather than a file read at start, so that the API's bundle
 * (`pnpm --filter @maille/api build`) carries it.
 */
export const STYLESHEET = `/* The /docs page: system fonts only (nothing fetched from elsewhere), readable in print. */
:root {
  color-scheme: light dark;
  --ink: #1b1b1f;
  --muted: #5e5e6a;
  --line: #d9d9e0;
  --accent: #000091;
  --paper: #ffffff;
  --code: #f3f3f7;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #ececf1;
    --muted: #a7a7b5;
    --line: #3a3a46;
    --accent: #8b8bff;
    --paper: #16161c;
    --code: #23232c;
  }
}
* {
  box-sizing: border-box;
}
body {
  margin: 0 auto;
  max-width: 72rem;
  padding: 1.5rem;
  font:
    16px / 1.5 system-ui,
    -apple-system,
    "Segoe UI",
    Roboto,
    "Noto Sans",
    sans-serif;
  color: var(--ink);
  background: var(--paper);
}
h1 small {
  font-size: 0.5em;
  color: var(--muted);
  font-weight: normal;
}
h2 {
  border-bottom: 2px solid var(--accent);
  padding-bottom: 0.25rem;
  margin-top: 2.5rem;
}
h3 {
  margin: 0 0 0.25rem;
  font-size: 1.1rem;
}
h4 {
  margin: 1rem 0 0.25rem;
  font-size: 0.95rem;
  color: var(--muted);
}
a {
  color: var(--accent);
}
nav ul {
  columns: 3 14rem;
  padding-left: 1.2rem;
}
code {
  font:
    0.9em ui-monospace,
    "SFMono-Regular",
    Menlo,
    Consolas,
    monospace;
  background: var(--code);
  padding: 0.05em 0.3em;
  border-radius: 3px;
}
.operation {
  border: 1px solid var(--line);
  border-radius: 6px;
  padding: 1rem;
  margin: 1rem 0;
}
.summary {
  font-weight: 600;
  margin: 0.25rem 0;
}
.access {
  color: var(--muted);
  font-size: 0.9rem;
}
.method {
  display: inline-block;
  min-width: 4.2rem;
  text-align: center;
  border-radius: 4px;
  padding: 0.1rem 0.4rem;
  font-size: 0.8rem;
  color: #fff;
}
.method.get {
  background: #18753c;
}
.method.post {
  background: #0063cb;
}
.method.patch,
.method.put {
  background: #b34000;
}
.method.delete {
  background: #ce0500;
}
table {
  border-collapse: collapse;
  width: 100%;
  font-size: 0.9rem;
}
th,
td {
  border-bottom: 1px solid var(--line);
  padding: 0.3rem 0.5rem;
  text-align: left;
  vertical-align: top;
}
th {
  color: var(--muted);
  font-weight: 600;
}
.status {
  font-weight: 700;
  width: 4rem;
}
.s2 {
  color: #18753c;
}
.s4 {
  color: #b34000;
}
.s5 {
  color: #ce0500;
}
.headers {
  color: var(--muted);
}
details summary {
  cursor: pointer;
  color: var(--accent);
}
.variants {
  padding-left: 1.2rem;
}
`;
