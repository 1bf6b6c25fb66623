// The print button of the plan document: shown and wired only when script runs, so the
// page stays complete without it (and carries no inline handler).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
