/* Role-model gallery: filters cards in place (no reload) when JavaScript runs. Without it, every
   filter link goes to its own pre-built page (/role-models/category/…/, /role-models/year/…/),
   which shows the same cards; the URL is kept in step so a reload or a shared link lands there. */
(function () {
  var list = document.querySelector(".gallery[data-filterable]");
  var links = document.querySelectorAll(".filters a[data-filter]");
  if (!list || !links.length || !window.history || !history.replaceState) return;
  var cards = list.querySelectorAll(".card");
  var title = document.getElementById("gallery-title");
  var status = document.getElementById("gallery-status");
  var extras = document.querySelectorAll("[data-unfiltered]");
  var baseTitle = document.title;

  function apply(link) {
    var kind = link.getAttribute("data-filter");
    var value = link.getAttribute("data-value");
    var label = link.getAttribute("data-label");
    var shown = 0;
    cards.forEach(function (card) {
      var match = kind === "all" || card.getAttribute("data-" + kind) === value;
      card.hidden = !match;
      if (match) shown++;
    });
    links.forEach(function (l) {
      if (l === link) l.setAttribute("aria-current", "page"); else l.removeAttribute("aria-current");
    });
    extras.forEach(function (el) { el.hidden = kind !== "all"; });
    var base = title.getAttribute("data-base");
    title.textContent = label ? base + " · " + label : base;
    document.title = label ? baseTitle.replace(base, base + " · " + label) : baseTitle;
    status.textContent = status.getAttribute("data-template").replace("{n}", shown);
    history.replaceState(null, "", link.href);
  }

  links.forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      apply(link);
    });
  });
})();
