/* portal: small enhancements; every page works without them. */
(function () {
  "use strict";
  var KEY = "portal.language";
  // Remember the language a visitor picks (local storage, no cookie).
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-lang-choice]");
    if (link) {
      try { window.localStorage.setItem(KEY, link.getAttribute("data-lang-choice")); } catch (e) { /* storage off */ }
    }
  });
})();
