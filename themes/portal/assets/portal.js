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
    // Secure on https, so the cookie is never sent in the clear; a preview over http keeps it plain.
    var secure = window.location.protocol === "https:" ? "; Secure" : "";
    document.cookie = "nf_lang=" + encodeURIComponent(lang) + "; path=/; max-age=31536000; SameSite=Lax" + secure;
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

/* --- Meetings: keep "upcoming" and "past" right after the build -------------
   A static page is built at one moment. Meeting cards carry their end time
   (data-meeting-end, ISO 8601 with offset); a meeting that has ended by the
   visitor's clock moves from "Upcoming" into its month under "Past", the next-
   meeting box skips to the next one, and a meeting page or flyer says it has
   ended and stops offering what only a coming meeting needs ([data-invite]:
   join details, supports, the accommodation deadline, "add to my calendar").
   Without JavaScript the order of the build stands. Also: print buttons. */
(function () {
  "use strict";
  var now = Date.now();

  function ended(el) {
    var end = Date.parse(el.getAttribute("data-meeting-end") || "");
    return !isNaN(end) && end <= now;
  }

  /* The "ended" state, as the build gives it to a meeting that is over: nothing invites any more,
     and the heading's pill says "Ended" (words from the page: data-ended-label). A cancelled or
     postponed meeting keeps its state: it never took place. */
  function showEnded(el) {
    var state = el.getAttribute("data-meeting-state");
    if (state === "cancelled" || state === "postponed") { return; }
    el.setAttribute("data-meeting-state", "ended");
    var invites = el.querySelectorAll("[data-invite]");
    for (var i = 0; i < invites.length; i++) { invites[i].hidden = true; }
    showEndedBadge(el);
  }

  function showEndedBadge(el) {
    var label = el.getAttribute("data-ended-label");
    var heading = el.querySelector(".card__title") || el.querySelector("h1");
    if (!label || !heading) { return; }
    var badge = heading.querySelector("[data-state-badge]");
    if (!badge) {
      badge = document.createElement("span");
      badge.setAttribute("data-state-badge", "");
      heading.appendChild(document.createTextNode(" "));
      heading.appendChild(badge);
    }
    badge.className = "badge badge--ended";
    badge.textContent = label;
  }

  function retag(card, tag) {
    var old = card.querySelector(".card__title");
    if (!old || !tag || old.tagName.toLowerCase() === tag) { return; }
    var heading = document.createElement(tag);
    heading.className = old.className;
    while (old.firstChild) { heading.appendChild(old.firstChild); }
    old.parentNode.replaceChild(heading, old);
  }

  function monthGroup(past, card) {
    var key = card.getAttribute("data-month");
    var groups = past.querySelectorAll("[data-month]");
    for (var i = 0; i < groups.length; i++) {
      if (groups[i].getAttribute("data-month") === key) { return groups[i]; }
    }
    var group = document.createElement("section");
    group.className = "meeting-month";
    group.setAttribute("data-month", key);
    var id = "past-" + key;
    group.setAttribute("aria-labelledby", id);
    var heading = document.createElement(past.getAttribute("data-month-heading") || "h3");
    heading.id = id;
    heading.textContent = card.getAttribute("data-month-label") || key;
    var list = document.createElement("div");
    list.className = "card-list";
    group.appendChild(heading);
    group.appendChild(list);
    var before = null;  /* months run latest first */
    for (var j = 0; j < groups.length; j++) {
      if (groups[j].getAttribute("data-month") < key) { before = groups[j]; break; }
    }
    past.insertBefore(group, before);
    return group;
  }

  function moveToPast(list) {
    var upcoming = list.querySelector('[data-meetings="upcoming"]');
    var past = list.querySelector('[data-meetings="past"]');
    if (!upcoming || !past) { return; }
    var cards = upcoming.querySelectorAll("[data-meeting-end]");
    var moved = 0;
    for (var i = 0; i < cards.length; i++) {
      var card = cards[i];
      if (!ended(card)) { continue; }
      var target = monthGroup(past, card).querySelector(".card-list");
      var start = card.getAttribute("data-meeting-start") || "";
      var before = null;  /* latest first within a month */
      var others = target.querySelectorAll("[data-meeting-start]");
      for (var j = 0; j < others.length; j++) {
        if (Date.parse(others[j].getAttribute("data-meeting-start")) < Date.parse(start)) {
          before = others[j];
          break;
        }
      }
      retag(card, past.getAttribute("data-card-heading"));
      card.classList.add("meeting-card--ended");
      showEnded(card);
      target.insertBefore(card, before);
      moved++;
    }
    if (!moved) { return; }
    var none = list.querySelector("[data-meetings-none]");
    if (none) { none.hidden = upcoming.querySelector("[data-meeting-end]") !== null; }
    var nonePast = list.querySelector("[data-meetings-none-past]");
    if (nonePast) { nonePast.hidden = true; }
  }

  var lists = document.querySelectorAll("[data-meeting-list]");
  for (var i = 0; i < lists.length; i++) { moveToPast(lists[i]); }

  /* The box carries every upcoming meeting that will take place; the list after it (on a
     school page) shows up to data-next-limit other upcoming meetings that have not ended. */
  function showLater(later, shownSlug) {
    var limit = parseInt(later.getAttribute("data-next-limit"), 10) || 3;
    var items = later.querySelectorAll("[data-later-candidate]");
    var count = 0;
    for (var k = 0; k < items.length; k++) {
      var visible = count < limit && !ended(items[k]) &&
        items[k].getAttribute("data-meeting-slug") !== shownSlug;
      items[k].hidden = !visible;
      if (visible) { count++; }
    }
    later.hidden = count === 0;
  }

  var boxes = document.querySelectorAll("[data-next-meeting]");
  for (var b = 0; b < boxes.length; b++) {
    var shown = null;
    var candidates = boxes[b].querySelectorAll("[data-next-candidate]");
    for (var c = 0; c < candidates.length; c++) {
      var show = !shown && !ended(candidates[c]);
      candidates[c].hidden = !show;
      if (show) { shown = candidates[c]; }
    }
    var none = boxes[b].querySelector("[data-next-none]");
    if (none) { none.hidden = shown !== null; }
    var later = boxes[b].parentNode.querySelector("[data-next-later]");
    if (later) { showLater(later, shown ? shown.getAttribute("data-meeting-slug") : null); }
  }

  /* "This meeting has ended": never for a cancelled or postponed meeting (it did not take place). */
  var notes = document.querySelectorAll("[data-meeting-ended]");
  for (var n = 0; n < notes.length; n++) {
    var meeting = notes[n].closest("[data-meeting-end]");
    var status = meeting ? meeting.getAttribute("data-meeting-status") : null;
    if (meeting && ended(meeting) && status !== "cancelled" && status !== "postponed") {
      notes[n].hidden = false;
      showEnded(meeting);
    }
  }

  var buttons = document.querySelectorAll("[data-print]");
  for (var p = 0; p < buttons.length; p++) {
    buttons[p].hidden = false;
    buttons[p].addEventListener("click", function () { window.print(); });
  }
})();

/* --- Filters in place: shared by the schools directory and the meetings ---
   Each choice is a link (data-filter="<name>" data-value="<value>") to a
   server-rendered page, so it works without JavaScript. With it, a click
   filters the list on this page instead: the choices of different names
   combine, the chosen links get aria-current, a live status says how many are
   shown (data-msg-none / -one / -many, words from the catalogues), and the
   choice is kept in the address (?name=value...) so reloading or sharing
   shows the same list. show(state) hides what does not match and returns how
   many are shown. */
function portalLinkFilter(root, names, show) {
  "use strict";
  var links = Array.prototype.slice.call(root.querySelectorAll("a[data-filter]"));
  var status = root.querySelector("[data-filter-status]");
  var state = {};
  var known = {};
  names.forEach(function (name) { state[name] = ""; known[name] = {}; });
  links.forEach(function (a) { known[a.getAttribute("data-filter")][a.getAttribute("data-value")] = true; });

  function apply(remember) {
    var shown = show(state);
    links.forEach(function (a) {
      if (state[a.getAttribute("data-filter")] === a.getAttribute("data-value")) {
        a.setAttribute("aria-current", "true");
      } else {
        a.removeAttribute("aria-current");
      }
    });
    if (status) {
      var text = shown === 0 ? root.getAttribute("data-msg-none")
        : shown === 1 ? root.getAttribute("data-msg-one")
        : root.getAttribute("data-msg-many").replace("{count}", String(shown));
      status.textContent = text || "";
    }
    if (remember && window.history && window.history.replaceState) {
      var query = [];
      names.forEach(function (name) {
        if (state[name]) { query.push(name + "=" + encodeURIComponent(state[name])); }
      });
      window.history.replaceState(null, "", window.location.pathname + (query.length ? "?" + query.join("&") : ""));
    }
  }

  root.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-filter]") : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    state[link.getAttribute("data-filter")] = link.getAttribute("data-value");
    apply(true);
  });

  var params = new URLSearchParams(window.location.search);
  names.forEach(function (name) {
    var value = params.get(name) || "";
    if (known[name][value]) { state[name] = value; }
  });
  apply(false);
}

/* --- Schools directory: filter in place -----------------------------------
   On /schools/ the grade-level and service links (which lead to pages such as
   /schools/services/food-pantry/ without JavaScript) filter the list in place,
   and the two combine. */
(function () {
  "use strict";
  var root = document.querySelector('[data-module="school-filter"]');
  if (!root) { return; }
  var cards = Array.prototype.slice.call(document.querySelectorAll("[data-school-services]"));

  function has(list, value) {
    return !value || (" " + (list || "") + " ").indexOf(" " + value + " ") >= 0;
  }

  portalLinkFilter(root, ["level", "service"], function (state) {
    var shown = 0;
    cards.forEach(function (card) {
      var match = has(card.getAttribute("data-school-levels"), state.level) &&
        has(card.getAttribute("data-school-services"), state.service);
      card.hidden = !match;
      if (match) { shown += 1; }
    });
    return shown;
  });
})();

/* --- Meetings: filter by school and by who meets ---------------------------
   On /meetings/ the school and body links (which lead to pages such as
   /schools/lincoln-elementary/meetings/ and /meetings/bodies/family-workshop/
   without JavaScript) filter the upcoming and past lists in place, and the two
   combine. It runs after the meetings that have ended were moved to "past",
   so it filters them where they now are. */
(function () {
  "use strict";
  var root = document.querySelector('[data-module="meeting-filter"]');
  var list = document.querySelector("[data-meeting-list]");
  if (!root || !list) { return; }
  var visible = "[data-meeting-group]:not([hidden])";

  function matches(card, state) {
    return (!state.school || card.getAttribute("data-meeting-school") === state.school) &&
      (!state.body || card.getAttribute("data-meeting-group") === state.body);
  }

  /* Show the matching cards; a past month, or a whole list, with none left says so. */
  portalLinkFilter(root, ["school", "body"], function (state) {
    var shown = 0;
    var cards = list.querySelectorAll("[data-meeting-group]");
    for (var i = 0; i < cards.length; i++) {
      cards[i].hidden = !matches(cards[i], state);
      if (!cards[i].hidden) { shown += 1; }
    }
    var months = list.querySelectorAll(".meeting-month");
    for (var m = 0; m < months.length; m++) {
      months[m].hidden = !months[m].querySelector(visible);
    }
    var none = list.querySelector("[data-meetings-none]");
    if (none) { none.hidden = !!list.querySelector('[data-meetings="upcoming"] ' + visible); }
    var nonePast = list.querySelector("[data-meetings-none-past]");
    if (nonePast) { nonePast.hidden = !!list.querySelector('[data-meetings="past"] ' + visible); }
    return shown;
  });
})();
