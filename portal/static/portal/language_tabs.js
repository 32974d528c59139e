// The tabbed admin (django-modeltranslation) names a language by its code
// ("zh-hans", "en") on its tabs and in its switch; staff read its name in the
// admin's language instead, from the names the page lists (#language-names).
(function () {
  "use strict";
  const list = document.getElementById("language-names");
  if (!list) {
    return;
  }
  const names = {};
  list.content.querySelectorAll("[data-code]").forEach(function (item) {
    names[item.dataset.code] = item.textContent;
  });

  function rename() {
    document
      .querySelectorAll(".ui-tabs-nav a, #modeltranslation-main-switch option")
      .forEach(function (element) {
        const name = names[element.textContent.trim().toLowerCase()];
        if (name) {
          element.textContent = name;
        }
      });
  }

  // After the tabs are made (on jQuery's ready), and again for an inline row added
  // later: only inline groups are watched, not every keystroke in a text editor.
  window.addEventListener("load", function () {
    rename();
    const observer = new MutationObserver(rename);
    document.querySelectorAll(".inline-group").forEach(function (group) {
      observer.observe(group, { childList: true, subtree: true });
    });
  });
})();
