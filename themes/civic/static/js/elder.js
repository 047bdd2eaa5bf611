/* Elder-friendly mode (larger type, high contrast), remembered across pages.
   Loaded in <head>, not deferred, so the class is set before first paint: no flash of the wrong mode.
   Also shows the "print" button of the printable handbook. */
(function () {
  var KEY = "civic-elder";
  var root = document.documentElement;
  try { if (window.localStorage.getItem(KEY) === "1") root.classList.add("elder"); } catch (e) { /* storage blocked: mode lasts one page */ }
  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll(".elder-toggle");
    var sync = function () {
      var on = root.classList.contains("elder");
      buttons.forEach(function (b) { b.setAttribute("aria-pressed", on ? "true" : "false"); });
    };
    buttons.forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var on = root.classList.toggle("elder");
        try { window.localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* ignore */ }
        sync();
      });
    });
    sync();
    document.querySelectorAll("[data-print]").forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", function () { window.print(); });
    });
  });
})();
