// planbook serve: live reload and the build-error overlay. Added to pages by
// `planbook serve` only; never part of a built site. Error text is shown with textContent.
(function () {
  "use strict";
  var EVENTS = "/__planbook/events";
  var STATUS = "/__planbook/status";
  var OVERLAY = "planbook-serve-error";
  var server = null;
  var generation = null;
  var source = null;

  function overlay() {
    var box = document.getElementById(OVERLAY);
    if (box) return box;
    box = document.createElement("section");
    box.id = OVERLAY;
    box.setAttribute("role", "alert");
    box.setAttribute("lang", "th");
    var s = box.style;
    s.position = "fixed";
    s.left = "0";
    s.right = "0";
    s.bottom = "0";
    s.zIndex = "2147483647";
    s.maxHeight = "70vh";
    s.overflow = "auto";
    s.margin = "0";
    s.padding = "12px 16px";
    s.background = "#fff4f4";
    s.color = "#1b1b1b";
    s.borderTop = "4px solid #c62828";
    s.boxShadow = "0 -4px 18px rgba(0, 0, 0, 0.25)";
    s.textAlign = "left";
    s.fontSize = "16px";
    s.lineHeight = "1.5";
    var title = document.createElement("strong");
    title.textContent = "สร้างเว็บไซต์ไม่สำเร็จ — แก้ไฟล์แล้วบันทึก หน้านี้จะโหลดใหม่เอง";
    title.style.display = "block";
    title.style.color = "#b71c1c";
    var note = document.createElement("div");
    note.textContent = "ที่แสดงอยู่คือเว็บไซต์ที่สร้างสำเร็จครั้งล่าสุด (Build failed: showing the last good site.)";
    note.style.fontSize = "14px";
    var text = document.createElement("pre");
    text.className = "planbook-serve-error-text";
    // Kept unwrapped, so the caret stays under the value it marks.
    text.style.whiteSpace = "pre";
    text.style.overflowX = "auto";
    text.style.fontFamily = "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
    text.style.fontSize = "14px";
    text.style.margin = "8px 0 0";
    var print = document.createElement("style");
    print.textContent = "@media print { #" + OVERLAY + " { display: none !important; } }";
    box.appendChild(print);
    box.appendChild(title);
    box.appendChild(note);
    box.appendChild(text);
    (document.body || document.documentElement).appendChild(box);
    return box;
  }

  function show(status) {
    var box = document.getElementById(OVERLAY);
    if (status.ok) {
      if (box) box.parentNode.removeChild(box);
      return;
    }
    box = overlay();
    box.lastChild.textContent = String(status.error || "");
  }

  function checkStatus() {
    fetch(STATUS, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(show)
      .catch(function () {});
  }

  function connect() {
    source = new EventSource(EVENTS);
    source.addEventListener("hello", function (event) {
      var hello = JSON.parse(event.data);
      // Reconnected to a restarted server, or missed a build while away: reload.
      if (server !== null && (hello.server !== server || hello.generation !== generation)) {
        location.reload();
        return;
      }
      server = hello.server;
      generation = hello.generation;
      checkStatus();
    });
    source.addEventListener("reload", function () {
      location.reload();
    });
    source.addEventListener("failed", function (event) {
      generation = Number(event.data);
      checkStatus();
    });
    source.onerror = function () {
      // The browser retries by itself, unless the answer was not an event stream.
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(connect, 1000);
      }
    };
  }

  checkStatus();
  connect();
})();
