/* Elder-friendly mode: larger type and higher contrast, remembered across pages.
   Loaded in <head> (not deferred) so the class is set before first paint: no flash of the wrong mode. */
(function () {
  var KEY = "civic-elder";
  var root = document.documentElement;
  var on = false;
  try { on = window.localStorage.getItem(KEY) === "1"; } catch (e) { /* storage blocked: mode lasts one page */ }
  if (on) root.classList.add("elder");
  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll(".elder-toggle");
    buttons.forEach(function (button) {
      button.hidden = false;
      button.setAttribute("aria-pressed", root.classList.contains("elder") ? "true" : "false");
      button.addEventListener("click", function () {
        var enabled = root.classList.toggle("elder");
        try { window.localStorage.setItem(KEY, enabled ? "1" : "0"); } catch (e) { /* ignore */ }
        buttons.forEach(function (b) { b.setAttribute("aria-pressed", enabled ? "true" : "false"); });
      });
    });
  });
})();
