/* Village web widget: one line on a council page, <script src="https://VILLAGE/widget.js" defer></script>.
 * Plain JavaScript, no build and no CDN: socket.io's client is served by Village itself.
 * The browser keeps only the session id (sessionStorage: gone when the tab closes); the words come back from
 * the server after a reload or a restart. "Leave this site" clears it and leaves at once.
 */
(function () {
  "use strict";

  var CONFIG = /*VILLAGE_CONFIG*/{};
  var KEY = "village.session";
  var script = document.currentScript;
  var origin = new URL(script ? script.src : "/widget.js", window.location.href).origin;
  var exitUrl = (script && script.getAttribute("data-exit-url")) || CONFIG.exitUrl;
  var socket = null;
  var typingTimer = null;
  var shiftPresses = [];

  function storage() {
    try { return window.sessionStorage; } catch (e) { return null; }
  }

  function saved() {
    var store = storage();
    return store ? store.getItem(KEY) : null;
  }

  function save(id) {
    var store = storage();
    if (store) { if (id) { store.setItem(KEY, id); } else { store.removeItem(KEY); } }
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) { node.textContent = text; }
    return node;
  }

  // --- the page ---------------------------------------------------------------------------------------
  document.head.appendChild(el("link", { rel: "stylesheet", href: origin + "/widget/widget.css" }));
  var mount = document.getElementById("village-chat");
  if (!mount) {
    mount = el("div", { id: "village-chat", "class": "village-floating" });
    document.body.appendChild(mount);
  }
  var root = el("section", { "class": "village", "aria-labelledby": "village-title" });
  var header = el("div", { "class": "village-header" });
  var titles = el("div", { "class": "village-titles" });
  titles.appendChild(el("h2", { id: "village-title", "class": "village-title" }, "Village"));
  titles.appendChild(el("p", { "class": "village-subtitle" }, "Support for parents who have been in care"));
  var exitButton = el("button", { type: "button", "class": "village-exit",
    "aria-describedby": "village-exit-hint" }, "Leave this site");
  var exitHint = el("span", { id: "village-exit-hint", "class": "village-visually-hidden" },
    "Leaves at once and clears this chat from this device. You can also press Shift three times.");
  header.appendChild(titles);
  header.appendChild(exitButton);
  header.appendChild(exitHint);

  var log = el("div", { "class": "village-log", role: "log", "aria-live": "polite",
    "aria-label": "Conversation with Village", tabindex: "0" });
  var typing = el("p", { "class": "village-typing", hidden: "" });
  typing.appendChild(el("span", { "class": "village-dots", "aria-hidden": "true" }, "•••"));
  typing.appendChild(document.createTextNode(" Village is typing"));
  var status = el("p", { "class": "village-status", role: "status", "aria-live": "polite" });

  var form = el("form", { "class": "village-form", "aria-label": "Send a message" });
  var label = el("label", { "for": "village-input", "class": "village-label" }, "Your message");
  var input = el("input", { id: "village-input", type: "text", name: "message", autocomplete: "off",
    maxlength: "2000", "class": "village-input" });
  var send = el("button", { type: "submit", "class": "village-send" }, "Send");
  var clear = el("button", { type: "button", "class": "village-clear" }, "Clear this conversation");
  form.appendChild(label);
  var row = el("div", { "class": "village-row" });
  row.appendChild(input);
  row.appendChild(send);
  form.appendChild(row);

  root.appendChild(header);
  root.appendChild(log);
  root.appendChild(typing);
  root.appendChild(status);
  root.appendChild(form);
  root.appendChild(clear);
  mount.appendChild(root);

  // --- messages ---------------------------------------------------------------------------------------
  // Web addresses and phone numbers become links; everything else stays text (never parsed as HTML).
  var LINKS = /(https?:\/\/[^\s)]+|\b(?:[a-z0-9-]+\.)+(?:uk|org|com|net)(?:\/[^\s)]*)?|\b0\d{3} ?\d{3} ?\d{4}\b|\b116 123\b|\b999\b|\b111\b)/gi;

  function appendLinked(node, text) {
    var last = 0;
    text.replace(LINKS, function (match, _group, offset) {
      var found = match.replace(/[.,;:]+$/, "");
      node.appendChild(document.createTextNode(text.slice(last, offset)));
      var href = /^[0-9 ]+$/.test(found) ? "tel:" + found.replace(/ /g, "")
        : (/^https?:/i.test(found) ? found : "https://" + found);
      var link = el("a", { href: href }, found);
      if (href.indexOf("tel:") !== 0) { link.setAttribute("target", "_blank"); link.setAttribute("rel", "noopener noreferrer"); }
      node.appendChild(link);
      last = offset + found.length;
      return match;
    });
    node.appendChild(document.createTextNode(text.slice(last)));
  }

  var SPEAKERS = { parent: "You said: ", bot: "Village: ", worker: "Worker: " };

  function add(message) {
    log.querySelectorAll(".village-buttons button").forEach(function (b) { b.disabled = true; });
    var from = SPEAKERS[message.from] ? message.from : "bot";
    var item = el("div", { "class": "village-msg village-" + from });
    item.appendChild(el("span", { "class": "village-visually-hidden" }, SPEAKERS[from]));
    if (from === "worker") { item.appendChild(el("strong", { "class": "village-who" }, "Worker")); }
    var words = el("p", { "class": "village-text" });
    appendLinked(words, String(message.text || ""));
    item.appendChild(words);
    var buttons = message.buttons || [];
    if (buttons.length) {
      var group = el("div", { "class": "village-buttons", role: "group", "aria-label": "Choices" });
      buttons.forEach(function (b) {
        var button = el("button", { type: "button", "class": "village-choice" }, b.title);
        button.addEventListener("click", function () { say(b.payload, b.title); });
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  function notice() {
    add({ from: "bot", text: CONFIG.privacyNotice });
    log.lastChild.classList.add("village-notice");
  }

  function clearLog() { log.textContent = ""; }

  function setTyping(on) {
    typing.hidden = !on;
    window.clearTimeout(typingTimer);
    // Not forever: while a worker has the conversation the bot stays quiet.
    if (on) { typingTimer = window.setTimeout(function () { typing.hidden = true; }, 8000); }
  }

  function say(text, shown) {
    text = String(text || "").trim();
    if (!text || !socket) { return; }
    add({ from: "parent", text: shown || text });
    setTyping(true);
    socket.emit("user_uttered", { message: text, session_id: saved() });
  }

  // --- leaving and clearing ---------------------------------------------------------------------------
  function quickExit() {
    save(null);
    clearLog();
    try { if (socket) { socket.disconnect(); } } catch (e) { /* leaving anyway */ }
    window.location.replace(exitUrl);
  }

  exitButton.addEventListener("click", quickExit);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { return; }
    var now = Date.now();
    shiftPresses = shiftPresses.filter(function (t) { return now - t < 5000; });
    shiftPresses.push(now);
    if (shiftPresses.length >= 3) { quickExit(); }
  });

  clear.addEventListener("click", function () {
    save(null);
    clearLog();
    if (socket) { socket.emit("session_request", {}); }
    status.textContent = "Conversation cleared.";
    input.focus();
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = "";
    say(text);
  });

  // --- the connection ---------------------------------------------------------------------------------
  function connect() {
    socket = window.io(origin, { path: "/socket.io", transports: ["websocket", "polling"],
      reconnectionDelayMax: 5000 });
    socket.on("connect", function () {
      status.textContent = "";
      socket.emit("session_request", { session_id: saved() });
    });
    socket.on("disconnect", function () { status.textContent = "Connection lost. Reconnecting…"; });
    socket.on("connect_error", function () {
      status.textContent = "Can't reach Village right now. Trying again… If you're in danger, call 999.";
    });
    socket.on("session_confirm", function (id) {
      var known = saved();
      save(id);
      if (id !== known) { clearLog(); notice(); }
      root.setAttribute("data-ready", "true");
    });
    socket.on("history", function (data) {
      clearLog();
      notice();
      (data && data.messages || []).forEach(add);
    });
    socket.on("session_required", function () { socket.emit("session_request", { session_id: saved() }); });
    socket.on("bot_uttered", function (message) {
      setTyping(false);
      add({ from: message.from || "bot", text: message.text || "",
        buttons: message.quick_replies || message.buttons || [] });
    });
  }

  var loader = el("script", { src: origin + "/widget/vendor/socket.io.min.js" });
  loader.addEventListener("load", connect);
  loader.addEventListener("error", function () {
    status.textContent = "Village can't load right now. If you're in danger, call 999.";
  });
  document.head.appendChild(loader);
}());
