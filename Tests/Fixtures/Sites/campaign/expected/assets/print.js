// Shows the "Print" button on poster and pamphlet pages; without JavaScript it stays hidden and
// the printed instructions point to the browser's own Print command.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
