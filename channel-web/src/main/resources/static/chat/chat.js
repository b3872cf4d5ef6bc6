// The web robot chat page: talks to POST /api/robot/messages, receives agents' answers and notices
// live from GET /api/robot/events (Server-Sent Events), keeps the conversation across reloads.
(function () {
  'use strict';
  var MAX_TEXT = 1000;            // RobotRequest.MAX_TEXT
  var SLOW_MS = 4000;             // after this long a reply is announced as slow
  var TIMEOUT_MS = 30000;         // then given up
  var KEEP = 100;                 // messages kept for a reload

  var log = document.getElementById('log');
  var input = document.getElementById('input');
  var form = document.getElementById('composer');
  var sendButton = document.getElementById('send');
  var counter = document.getElementById('counter');
  var typing = document.getElementById('typing');
  var typingText = document.getElementById('typing-text');
  var banner = document.getElementById('handoff');
  var connection = document.getElementById('connection');
  var largeType = document.getElementById('large-type');
  var photoInput = document.getElementById('photo-input');

  function newId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID().replace(/-/g, ''); }
    return (Date.now().toString(36) + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2)).slice(0, 32);
  }
  function load(key, fallback) {
    try { var v = localStorage.getItem(key); return v === null ? fallback : JSON.parse(v); } catch (e) { return fallback; }
  }
  function save(key, value) { try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ } }

  var session = load('gridbot.session', null);
  if (!session || !/^[A-Za-z0-9_-]{8,64}$/.test(session)) { session = 'web' + newId(); save('gridbot.session', session); }
  var historyKey = 'gridbot.history.' + session;
  var lastKey = 'gridbot.last.' + session;
  var history = load(historyKey, []);
  var lastNumber = load(lastKey, 0);
  var busy = false;
  var handoff = 'NONE';

  // ---- rendering -------------------------------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  var WHO = { me: '我', bot: '智能助手', agent: '人工客服', notice: '通知' };

  function render(entry, live) {
    if (entry.who === 'system') {
      var s = el('p', 'system', entry.text);
      log.appendChild(s);
      return s;
    }
    var m = el('div', 'msg ' + entry.who);
    m.appendChild(el('span', 'who', WHO[entry.who] || ''));
    var b = el('div', 'bubble');
    var r = entry.reply;
    if (entry.who === 'me') {
      b.textContent = r.text || '';
      if (r.image) { var mine = el('img'); mine.src = r.image; mine.alt = '我发送的照片'; b.appendChild(mine); }
    } else if (r.type === 'notice') {
      b.appendChild(el('strong', null, r.title));
      b.appendChild(document.createTextNode(r.text));
    } else if (r.type === 'options') {
      b.appendChild(document.createTextNode(r.text));
      var opts = el('div', 'options');
      opts.setAttribute('role', 'group');
      opts.setAttribute('aria-label', '可选回答');
      r.options.forEach(function (label, i) {
        var o = el('button', 'option', label);
        o.type = 'button';
        o.disabled = !live;
        o.addEventListener('click', function () { send({ text: String(i + 1), shown: label }); });
        opts.appendChild(o);
      });
      b.appendChild(opts);
    } else if (r.type === 'link') {
      b.appendChild(document.createTextNode(r.text + '\n'));
      var a = el('a', 'action', r.title);
      a.href = r.url; a.target = '_blank'; a.rel = 'noopener';
      b.appendChild(a);
    } else if (r.type === 'card') {
      b.classList.add('card');
      b.appendChild(el('h2', null, r.title));
      var ul = el('ul');
      (r.lines || []).forEach(function (line) { ul.appendChild(el('li', null, line)); });
      b.appendChild(ul);
      if (r.url) { var more = el('a', 'action', '查看详情'); more.href = r.url; more.target = '_blank'; more.rel = 'noopener'; b.appendChild(more); }
    } else if (r.type === 'image') {
      var img = el('img');
      img.src = r.url; img.alt = r.text || '图片';
      b.appendChild(img);
      b.appendChild(el('span', null, r.text));
    } else {
      b.textContent = r.text;
    }
    m.appendChild(b);
    log.appendChild(m);
    return m;
  }

  function add(entry) {
    history.push(entry);
    if (history.length > KEEP) { history = history.slice(history.length - KEEP); }
    save(historyKey, history);
    disableOldOptions();
    var node = render(entry, true);
    log.scrollTop = log.scrollHeight;
    return node;
  }
  function disableOldOptions() {
    Array.prototype.forEach.call(log.querySelectorAll('.options button'), function (b) { b.disabled = true; });
  }
  function problem(text, retry) {
    var m = el('div', 'msg error');
    m.setAttribute('role', 'alert');
    var b = el('div', 'bubble', text);
    if (retry) {
      var again = el('button', null, '重新发送');
      again.type = 'button';
      again.addEventListener('click', function () { m.remove(); retry(); });
      b.appendChild(document.createTextNode(' '));
      b.appendChild(again);
    }
    m.appendChild(b);
    log.appendChild(m);
    log.scrollTop = log.scrollHeight;
  }

  function showHandoff(status) {
    if (status === handoff) { return; }
    var before = handoff;
    handoff = status;
    if (status === 'QUEUED') {
      banner.hidden = false; banner.className = 'handoff';
      banner.textContent = '正在为您转接人工客服，请稍候。发送“取消”可不再等待。';
    } else if (status === 'HELD') {
      banner.hidden = false; banner.className = 'handoff held';
      banner.textContent = '人工客服已接入，正在为您服务。';
    } else {
      banner.hidden = true; banner.textContent = '';
      if (before === 'HELD' || before === 'QUEUED') { add({ who: 'system', text: '已回到智能助手服务' }); }
    }
  }

  // ---- sending ---------------------------------------------------------------------------
  function setBusy(on, slow) {
    busy = on;
    sendButton.disabled = on;
    typing.hidden = !on;
    typingText.textContent = slow ? '回复有点慢，请稍候…' : '正在输入…';
  }

  /** message: {text, shown, location, images, image}; retried with the same id after a failure */
  function send(message, messageId) {
    if (busy) { return; }
    var id = messageId || newId();
    if (!messageId) {
      var shown = message.shown || message.text || (message.location ? '📍 ' + (message.location.label || '我的位置') : '');
      add({ who: 'me', reply: { text: shown, image: message.image } });
    }
    var body = { sessionId: session, messageId: id };
    if (message.text) { body.text = message.text; }
    if (message.location) { body.location = message.location; }
    if (message.images) { body.images = message.images; }
    setBusy(true, false);
    var slowTimer = setTimeout(function () { setBusy(true, true); }, SLOW_MS);
    var controller = window.AbortController ? new AbortController() : null;
    var giveUp = setTimeout(function () { if (controller) { controller.abort(); } }, TIMEOUT_MS);
    fetch('/api/robot/messages', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
      signal: controller ? controller.signal : undefined
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (json) { return { status: res.status, json: json }; });
    }).then(function (r) {
      if (r.status === 200) {
        r.json.replies.forEach(function (reply) { add({ who: 'bot', reply: reply }); });
        if (r.json.handoff && r.json.handoff !== handoff) { showHandoff(r.json.handoff); connect(); }
      } else if (r.status === 400 && r.json.field === 'text') {
        problem('您输入的内容太长了，请控制在' + MAX_TEXT + '字以内。');
      } else if (r.status === 429) {
        problem(r.json.detail || '上一条消息还在处理中，请稍后再发。', function () { send(message, id); });
      } else if (r.status === 503) {
        problem(r.json.detail || '系统繁忙，请稍后再试。紧急情况请拨打95598。', function () { send(message, id); });
      } else {
        problem('抱歉，这条消息没能发送成功（' + r.status + '）。', function () { send(message, id); });
      }
    }).catch(function () {
      problem('网络连接失败或服务暂时无法访问，请检查网络后重新发送。紧急情况请拨打95598。', function () { send(message, id); });
    }).then(function () {
      clearTimeout(slowTimer); clearTimeout(giveUp);
      setBusy(false, false);
    });
  }

  function updateCounter() {
    var n = input.value.length;
    counter.textContent = n > MAX_TEXT * 0.8 ? n + '/' + MAX_TEXT : '';
    counter.classList.toggle('over', n > MAX_TEXT);
  }
  input.addEventListener('input', updateCounter);
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit ? form.requestSubmit() : submit(e); }
  });
  function submit(e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    if (text.length > MAX_TEXT) {
      problem('您输入的内容太长了（' + text.length + '字），请控制在' + MAX_TEXT + '字以内。');
      return;
    }
    if (busy) { return; }
    input.value = '';
    updateCounter();
    send({ text: text });
    input.focus();
  }
  form.addEventListener('submit', submit);

  document.getElementById('send-location').addEventListener('click', function () {
    if (!navigator.geolocation) { problem('您的浏览器不能获取位置，请直接输入详细地址。'); return; }
    navigator.geolocation.getCurrentPosition(function (pos) {
      send({ location: { latitude: pos.coords.latitude, longitude: pos.coords.longitude, label: '我的位置' } });
    }, function () {
      problem('没能获取您的位置（可能未允许定位），请直接输入详细地址。');
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });

  photoInput.addEventListener('change', function () {
    var file = photoInput.files && photoInput.files[0];
    photoInput.value = '';
    if (!file) { return; }
    if (!/^image\/(jpeg|png|webp)$/.test(file.type)) { problem('只能上传JPG、PNG或WebP格式的照片。'); return; }
    if (file.size > 5 * 1024 * 1024) { problem('照片太大了，请选一张不超过5MB的照片。'); return; }
    setBusy(true, false);
    fetch('/api/robot/photos?sessionId=' + encodeURIComponent(session), {
      method: 'POST', headers: { 'Content-Type': file.type }, body: file
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (json) { return { status: res.status, json: json }; });
    }).then(function (r) {
      setBusy(false, false);
      if (r.status === 201) {
        send({ images: [r.json.reference], shown: '📷 照片', image: r.json.reference });
      } else {
        problem(r.json.detail || '照片没能上传，请重试。');
      }
    }).catch(function () {
      setBusy(false, false);
      problem('网络连接失败，照片没能上传，请稍后重试。');
    });
  });

  largeType.addEventListener('click', function () {
    var on = !document.body.classList.contains('large');
    document.body.classList.toggle('large', on);
    largeType.setAttribute('aria-pressed', String(on));
    save('gridbot.large', on);
  });
  if (load('gridbot.large', false)) { document.body.classList.add('large'); largeType.setAttribute('aria-pressed', 'true'); }

  // ---- live messages (agents, notices) ---------------------------------------------------
  var stream = null;
  var retryDelay = 1000;
  function connect() {
    if (stream) { stream.close(); }
    if (!window.EventSource) { poll(); return; }
    stream = new EventSource('/api/robot/events?sessionId=' + encodeURIComponent(session) + '&after=' + lastNumber);
    stream.addEventListener('open', function () { connection.hidden = true; retryDelay = 1000; });
    stream.addEventListener('reply', function (e) {
      var number = Number(e.lastEventId);
      if (number && number <= lastNumber) { return; }
      var reply = JSON.parse(e.data);
      add({ who: reply.type === 'notice' ? 'notice' : 'agent', reply: reply });
      if (number) { lastNumber = number; save(lastKey, lastNumber); }
    });
    stream.addEventListener('handoff', function (e) { showHandoff(JSON.parse(e.data).status); });
    stream.addEventListener('error', function () {
      connection.hidden = false;
      connection.textContent = '与服务器的连接中断了，正在重新连接…';
      if (stream.readyState === EventSource.CLOSED) {
        // the browser gave up (e.g. the server answered an error): try again ourselves, later
        setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
      }
    });
  }
  function poll() {
    fetch('/api/robot/messages?sessionId=' + encodeURIComponent(session) + '&after=' + lastNumber)
      .then(function (res) { return res.json(); })
      .then(function (json) {
        json.replies.forEach(function (reply) { add({ who: reply.type === 'notice' ? 'notice' : 'agent', reply: reply }); });
        lastNumber = json.last; save(lastKey, lastNumber);
      }).catch(function () { /* try again */ })
      .then(function () { setTimeout(poll, 3000); });
  }

  // ---- start -----------------------------------------------------------------------------
  if (history.length === 0) {
    add({ who: 'bot', reply: { type: 'text', text: '您好，我是国网电力智能客服。可以帮您查余额、交电费、报修、查停电、预约办电等。请问有什么可以帮您？' } });
  } else {
    history.forEach(function (entry) { render(entry, false); });
    var lastOptions = log.querySelectorAll('.msg:last-child .options button');
    Array.prototype.forEach.call(lastOptions, function (b) { b.disabled = false; });
    log.scrollTop = log.scrollHeight;
  }
  window.addEventListener('offline', function () { connection.hidden = false; connection.textContent = '网络已断开，恢复后会自动重新连接。'; });
  window.addEventListener('online', function () { connect(); });
  connect();
})();
