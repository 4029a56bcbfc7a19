/* PeerCommons 404 page: a host serves 404.html at whatever address was missing, so its links, written
   from the site root where the file lives, point nowhere when that address is deeper (GitHub Pages at
   /name/projects/typo/). The page asks for this script once per folder depth ("assets/...",
   "../assets/...", ...); only the copy whose path is right loads, and its own address tells where the
   site root is. It then points the page's links, stylesheets and scripts there. Nothing is fetched
   from anywhere but this site. */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || window.PeerCommonsRoot) return;
  var root = me.src.replace(/assets\/[^/]*$/, "");
  window.PeerCommonsRoot = root;
  var written = location.href.split(/[?#]/)[0].replace(/[^/]*$/, "");
  if (root === written) return;

  function relative(value) { return value && !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(value); }
  function rebase(element, attribute) {
    var value = element.getAttribute(attribute);
    if (relative(value)) element.setAttribute(attribute, root + value);
  }
  Array.prototype.forEach.call(document.querySelectorAll("a[href], link[href], form[action]"), function (e) {
    rebase(e, e.tagName === "FORM" ? "action" : "href");
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-lunr], [data-index]"), function (e) {
    rebase(e, "data-lunr");
    rebase(e, "data-index");
  });
  // The page's own scripts failed to load from the wrong folder: load them again from the root.
  Array.prototype.forEach.call(document.querySelectorAll("script[src]"), function (old) {
    var src = old.getAttribute("src");
    if (!relative(src) || /not-found\./.test(src)) return;
    var script = document.createElement("script");
    script.src = root + src;
    document.head.appendChild(script);
  });
})();
