// Small enhancements only: every page works without this file.
(function () {
  "use strict";

  // Escape closes an open glossary explanation and returns focus to its term.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = document.activeElement && document.activeElement.closest("details.term[open]");
    if (!open) return;
    open.open = false;
    open.querySelector("summary").focus();
  });

  // Buttons marked data-print open the browser's print dialog (shown only when scripts run).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
