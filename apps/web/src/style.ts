/** The workspace's one stylesheet, served at `STYLESHEET_PATH`: no inline style, no font from elsewhere. */
export const STYLESHEET_PATH = '/maille.css';

export const STYLESHEET = `
*, *::before, *::after { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif; line-height: 1.5; color: #1b1b1b; background: #f6f6f4; }
body { margin: 0; }
a { color: #0b4f8a; }
a:focus-visible, button:focus-visible { outline: 3px solid #b34000; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; z-index: 1; }
header.site { background: #12355b; color: #fff; padding: .75rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; }
header.site a { color: #fff; }
header.site .brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; }
header.site nav ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem; }
header.site nav li + li::before { content: "›"; margin-right: .25rem; }
header.site nav [aria-current="page"] { font-weight: 700; text-decoration: none; }
header.site .who { margin-left: auto; display: flex; gap: .75rem; align-items: center; }
header.site form { margin: 0; }
button { font: inherit; padding: .45rem 1rem; border-radius: .3rem; border: 1px solid #12355b; background: #12355b; color: #fff; cursor: pointer; }
header.site button { background: transparent; border-color: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
section.card { background: #fff; border: 1px solid #d8d8d2; border-radius: .4rem; padding: .75rem 1rem; margin: 0 0 1rem; }
ul.items { padding-left: 1.1rem; margin: .25rem 0; }
.late { color: #a3200f; font-weight: 600; }
.muted { color: #4f4f4f; }
progress { width: 10rem; max-width: 100%; vertical-align: middle; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #d8d8d2; }
.table-scroll { overflow-x: auto; }
@media print { header.site, .skip, form { display: none; } body { background: #fff; } }
`;
