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
section.card, form.card { background: #fff; border: 1px solid #d8d8d2; border-radius: .4rem; padding: .75rem 1rem; margin: 0 0 1rem; }
ul.items { padding-left: 1.1rem; margin: .25rem 0; }
.late { color: #a3200f; font-weight: 600; }
.muted { color: #4f4f4f; }
progress { width: 10rem; max-width: 100%; vertical-align: middle; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #d8d8d2; }
.table-scroll { overflow-x: auto; }
a.button { display: inline-block; padding: .45rem 1rem; border-radius: .3rem; background: #12355b; color: #fff; text-decoration: none; }
button.secondary { background: #fff; color: #12355b; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible, .table-scroll:focus-visible { outline: 3px solid #b34000; outline-offset: 2px; }
.tag { display: inline-block; font-size: .85rem; padding: 0 .4rem; border: 1px solid #8a8a84; border-radius: .25rem; }
.tag.late { border-color: #a3200f; }
.tag.demo { border-color: #7a4d00; color: #5c3a00; background: #fff4d6; }
.demo-note { border-left: .3rem solid #7a4d00; background: #fff4d6; padding: .4rem .7rem; }
ul.tree, ul.milestones, ol.timeline { list-style: none; padding: 0; margin: .25rem 0; }
ul.tree > li, ul.milestones > li, ol.timeline > li { padding: .5rem 0; border-top: 1px solid #e4e4de; }
ol.timeline p { margin: .1rem 0; }
.text { white-space: pre-line; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
@media (max-width: 30rem) { dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .4rem; } }
fieldset { border: 1px solid #d8d8d2; border-radius: .4rem; margin: 0 0 1rem; padding: .5rem 1rem; }
legend { font-weight: 700; padding: 0 .3rem; }
.field { margin: .6rem 0; }
.field label { display: block; font-weight: 600; }
.field.check { display: flex; gap: .5rem; align-items: center; }
.field.check label { font-weight: 400; }
input, select, textarea { font: inherit; padding: .4rem; border: 1px solid #6b6b66; border-radius: .25rem; max-width: 100%; }
input[type="text"], input:not([type]), textarea { width: 100%; }
.hint { margin: .1rem 0; color: #4f4f4f; font-size: .95rem; }
.error { margin: .1rem 0; color: #a3200f; font-weight: 600; }
.invalid input, .invalid select, .invalid textarea { border: 2px solid #a3200f; }
.alert { border: 2px solid #a3200f; background: #fff4f2; border-radius: .4rem; padding: .5rem 1rem; margin: 0 0 1rem; }
.filters .row { display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: end; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: start; }
.actions form { margin: 0; }
details summary { cursor: pointer; color: #0b4f8a; text-decoration: underline; padding: .45rem 0; }
figure.chart { margin: .5rem 0; }
figure.chart svg { display: block; height: auto; max-width: 100%; background: #fff; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  header.site, .skip, form, .screen-only, a.button { display: none; }
  html { font-size: 10.5pt; background: #fff; }
  main { max-width: none; padding: 0; }
  section.card, form.card { border: none; border-top: 1px solid #8a8a84; border-radius: 0; padding: .3rem 0; break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  progress { width: 6rem; }
}
`;
