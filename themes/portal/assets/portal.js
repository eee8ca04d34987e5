/* portal: small enhancements; every page works without them. */

/* --- Language preference ---------------------------------------------------
   The language a visitor picks is remembered in local storage. On a later visit
   to a page in another language, the page offers (never forces) the remembered
   one. The nf_lang cookie tells Netlify's language redirect at / to respect the
   choice; it holds only the language code. */
(function () {
  "use strict";
  var KEY = "portal.language";

  function remember(lang) {
    try { window.localStorage.setItem(KEY, lang); } catch (e) { /* storage off */ }
    document.cookie = "nf_lang=" + encodeURIComponent(lang) + "; path=/; max-age=31536000; SameSite=Lax";
  }

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : null;
    if (!target) { return; }
    var choice = target.closest("[data-lang-choice]");
    if (choice) { remember(choice.getAttribute("data-lang-choice")); }
    var stay = target.closest("[data-lang-stay]");
    if (stay) {
      remember(stay.getAttribute("data-lang-stay"));
      var box = document.querySelector("[data-lang-offer]");
      if (box) { box.hidden = true; }
    }
  });

  var preferred = stored();
  var here = document.documentElement.lang;
  if (!preferred || preferred === here) { return; }
  var offer = document.querySelector('[data-offer-lang="' + preferred + '"]');
  var box = document.querySelector("[data-lang-offer]");
  if (offer && box) {
    offer.hidden = false;
    box.hidden = false;
  }
})();
