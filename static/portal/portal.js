// Behaviour shared by every page, bound here because the Content-Security-Policy forbids inline
// handlers: a select marked data-autosubmit sends its form on change (the language switcher),
// a button marked data-print opens the print dialog.
(function () {
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.addEventListener("click", () => window.print());
  });
})();
