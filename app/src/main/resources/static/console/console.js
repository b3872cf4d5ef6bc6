// The staff console: every action is a call of the staff API (/api/staff/**, HTTP Basic); the page
// holds no business rules, it shows what the API answers. It shows only the tabs and actions the
// user's roles (GET /api/staff/me) allow; the API decides all the same (403 for anything else).
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var auth = sessionStorage.getItem('gridbot.staff');
  var roles = [];              // the user's roles, as /me tells them (ADMIN and STAFF already expanded)
  var current = null;          // handoff held by this agent
  var timers = [];

  var STATE = {
    RECEIVED: '已受理', DISPATCHED: '已派单', ON_SITE: '抢修中', RESOLVED: '已修复', CANCELLED: '已取消',
    BOOKED: '已预约', CONFIRMED: '已确认', DONE: '已完成', NO_SHOW: '未到场',
    SUBMITTED: '已提交', ACCEPTED: '已受理', SURVEY: '现场勘查', APPROVED: '已批准', CONNECTED: '已接电', REJECTED: '已驳回',
    QUEUED: '排队中', HELD: '服务中', CLOSED: '已结束',
    SCHEDULED: '已计划', ANNOUNCED: '已发布', ACTIVE: '停电中', RESTORED: '已恢复'
  };
  function label(state) { return STATE[state] ? STATE[state] + '（' + state + '）' : state; }
  function time(iso) { return iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : ''; }
  function el(tag, text, cls) { var e = document.createElement(tag); if (text !== undefined && text !== null) { e.textContent = text; } if (cls) { e.className = cls; } return e; }
  function row(cells, onClick) {
    var tr = el('tr');
    cells.forEach(function (c) { var td = el('td'); if (c instanceof Node) { td.appendChild(c); } else { td.textContent = c == null ? '' : c; } tr.appendChild(td); });
    if (onClick) { tr.tabIndex = 0; tr.addEventListener('click', onClick); tr.addEventListener('keydown', function (e) { if (e.key === 'Enter') { onClick(); } }); }
    return tr;
  }
  function button(text, onClick, cls) { var b = el('button', text, cls); b.type = 'button'; b.addEventListener('click', onClick); return b; }
  var ROLE = { AGENT: '人工客服', DISPATCHER: '抢修调度', SERVICE: '营业受理', FINANCE: '财务', MARKETING: '市场营销', ADMIN: '管理员' };
  var FORBIDDEN = '没有权限：您的账号没有执行此操作的角色，请联系管理员开通。';
  function may(role) { return roles.indexOf(role) >= 0; }
  /** Whether the user holds one of the roles an element names in data-roles (none: everyone). */
  function allowed(e) { return !e.dataset.roles || e.dataset.roles.split(' ').some(may); }
  function flash(text, good) { var f = $('flash'); f.textContent = text; f.className = good ? 'good' : 'bad'; }

  /** Calls the staff API; rejects with a readable message for any status but 2xx. */
  function api(method, path, body) {
    return fetch('/api/staff' + path, {
      method: method,
      headers: { 'Authorization': 'Basic ' + auth, 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (res) {
      return res.text().then(function (text) {
        var json = null; try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        var error;
        if (res.status === 401) { logout('登录已失效，请重新登录。'); error = new Error('未登录'); }
        else if (res.status === 403) { error = new Error(FORBIDDEN); }
        else if (!res.ok) { error = new Error((json && (json.detail || json.title)) || ('HTTP ' + res.status)); }
        if (error) { error.status = res.status; throw error; }
        return json;
      });
    }, function () { throw new Error('无法连接服务器，请稍后重试。'); });
  }
  function failed(e) { flash(e.message, false); }

  // ---- log-in ----------------------------------------------------------------------------
  $('login-form').addEventListener('submit', function (e) {
    e.preventDefault();
    auth = btoa(unescape(encodeURIComponent($('username').value + ':' + $('password').value)));
    api('GET', '/me').then(function (me) {
      sessionStorage.setItem('gridbot.staff', auth);
      start(me);
    }).catch(function (error) {
      auth = null;
      $('login-error').textContent = error.status === 403 ? '该账号没有使用客服工作台的权限，请联系管理员开通角色。'
        : error.status === 401 ? '用户名或密码错误，或账号已停用。' : error.message;
    });
  });
  function logout(message) {
    sessionStorage.removeItem('gridbot.staff');
    auth = null;
    roles = [];
    timers.forEach(clearInterval); timers = [];
    $('app').hidden = true; $('login').hidden = false;
    $('login-error').textContent = message || '';
  }
  $('logout').addEventListener('click', function () { logout(); });

  function start(me) {
    $('login').hidden = true; $('app').hidden = false;
    roles = me.roles || [];
    $('me').textContent = me.username;
    $('my-roles').textContent = roles.filter(function (r) { return ROLE[r]; }).map(function (r) { return ROLE[r]; }).join('、');
    Array.prototype.forEach.call(document.querySelectorAll('[data-roles]'), function (e) { e.hidden = !allowed(e); });
    show('dashboard');
    if (may('AGENT')) {
      timers.push(setInterval(refreshQueue, 3000));
      timers.push(setInterval(function () { if (current) { loadHistory(); } }, 3000));
      refreshQueue();
    }
  }

  // ---- navigation ------------------------------------------------------------------------
  var loaders = { dashboard: loadDashboard, handoffs: refreshQueue, outages: loadOutages, tickets: function () {}, bookings: function () {}, applications: function () {} };
  function show(view) {
    Array.prototype.forEach.call(document.querySelectorAll('.view'), function (v) { v.hidden = v.id !== 'view-' + view; });
    Array.prototype.forEach.call(document.querySelectorAll('nav button'), function (b) {
      if (b.dataset.view === view) { b.setAttribute('aria-current', 'page'); } else { b.removeAttribute('aria-current'); }
    });
    loaders[view]();
  }
  Array.prototype.forEach.call(document.querySelectorAll('nav button'), function (b) {
    b.addEventListener('click', function () { show(b.dataset.view); });
  });

  // ---- dashboard -------------------------------------------------------------------------
  function loadDashboard() {
    api('GET', '/dashboard').then(function (d) {
      var box = $('dashboard'); box.textContent = '';
      function fig(name, value) { var f = el('div', null, 'figure'); f.appendChild(el('span', String(value), 'value')); f.appendChild(el('span', name)); box.appendChild(f); }
      fig('今日会话', d.conversations);
      fig('智能助手独立解决', d.robotResolvedShare == null ? '—' : Math.round(d.robotResolvedShare * 100) + '%');
      fig('转人工', d.handoffs);
      fig('排队等待', d.waiting);
      Object.keys(d.ticketsByState).forEach(function (s) { fig('工单 ' + (STATE[s] || s), d.ticketsByState[s]); });
      fig('今日缴费笔数', d.payments);
      fig('今日缴费金额（元）', d.paymentAmount);
    }).catch(failed);
    loadNotices();
  }
  var DELIVERY = { QUEUED: '待发送', SENT: '已送达', RETRY: '重试中', FAILED: '发送失败', DEAD: '放弃发送' };
  function loadNotices() {
    api('GET', '/notifications?hours=24&limit=20').then(function (n) {
      var box = $('notices'); box.textContent = '';
      function fig(name, value) { var f = el('div', null, 'figure'); f.appendChild(el('span', String(value), 'value')); f.appendChild(el('span', name)); box.appendChild(f); }
      fig('待入队通知', n.outboxPending);
      Object.keys(DELIVERY).forEach(function (s) { fig(DELIVERY[s], n.deliveriesByState[s] || 0); });
      var body = $('notice-problems'); body.textContent = '';
      if (n.problems.length === 0) { body.appendChild(row(['—', '', '近24小时没有未送达的通知', '', ''])); }
      n.problems.forEach(function (p) {
        body.appendChild(row([time(p.at), p.channel + ' · ' + p.user, p.noticeKey, DELIVERY[p.state] || p.state, p.error || '']));
      });
    }).catch(failed);
  }
  $('dashboard-refresh').addEventListener('click', loadDashboard);

  // ---- agent queue -----------------------------------------------------------------------
  function refreshQueue() {
    if (!auth || !may('AGENT')) { return; }
    api('GET', '/handoffs').then(function (items) {
      $('queue-count').textContent = items.length ? String(items.length) : '';
      var body = $('queue'); body.textContent = '';
      items.forEach(function (q) {
        var h = q.handoff;
        body.appendChild(row([q.position, h.channel + ' · ' + h.channelUserId, Math.round(q.waitingSeconds / 60) + '分钟', h.lastText,
          button('接入', function (e) { e.stopPropagation(); claim(h.id); })]));
      });
      if (!items.length) { body.appendChild(row(['暂无等待的会话', '', '', '', ''])); }
    }).catch(function () { /* shown on the next action */ });
  }
  function claim(id) {
    api('POST', '/handoffs/' + id + '/claim', {}).then(function (h) {
      current = h;
      flash('已接入会话 ' + id, true);
      openConversation();
      refreshQueue();
    }).catch(failed);
  }
  function openConversation() {
    $('conversation').hidden = false;
    $('conversation-id').textContent = current.id + '（' + current.channel + '）';
    $('conversation-state').textContent = label(current.state);
    loadHistory();
    $('reply-text').focus();
  }
  function loadHistory() {
    api('GET', '/handoffs/' + current.id + '/history').then(function (messages) {
      var list = $('history'); list.textContent = '';
      messages.forEach(function (m) {
        var li = el('li', m.text, m.direction);
        li.insertBefore(el('small', (m.direction === 'IN' ? '客户' : '客服/助手') + ' · ' + time(m.at)), li.firstChild);
        list.appendChild(li);
      });
      list.scrollTop = list.scrollHeight;
    }).catch(failed);
  }
  $('reply-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var text = $('reply-text').value.trim();
    if (!text || !current) { return; }
    api('POST', '/handoffs/' + current.id + '/reply', { text: text }).then(function () {
      $('reply-text').value = '';
      flash('回复已发送', true);
      loadHistory();
    }).catch(failed);
  });
  $('release').addEventListener('click', function () {
    if (!current) { return; }
    api('POST', '/handoffs/' + current.id + '/release', {}).then(function (h) {
      flash('会话 ' + h.id + ' 已交还智能助手', true);
      current = null;
      $('conversation').hidden = true;
      refreshQueue();
    }).catch(failed);
  });

  // ---- tickets ---------------------------------------------------------------------------
  $('ticket-filter').addEventListener('submit', function (e) {
    e.preventDefault();
    api('GET', '/tickets?area=' + encodeURIComponent($('ticket-area').value.trim())).then(function (tickets) {
      var body = $('tickets'); body.textContent = '';
      tickets.forEach(function (t) {
        body.appendChild(row([t.ticketNo, label(t.state), t.address || t.area, t.description, time(t.reportedAt)], function () { openTicket(t.ticketNo); }));
      });
      if (!tickets.length) { body.appendChild(row(['该区域没有未完成的工单', '', '', '', ''])); }
    }).catch(failed);
  });
  $('ticket-open').addEventListener('click', function () { if ($('ticket-no').value.trim()) { openTicket($('ticket-no').value.trim()); } });

  var TICKET_STEPS = {
    RECEIVED: [['dispatch', '派单'], ['cancel', '取消工单']],
    DISPATCHED: [['on-site', '到达现场'], ['cancel', '取消工单']],
    ON_SITE: [['resolve', '已修复'], ['cancel', '取消工单']]
  };
  function openTicket(no) {
    Promise.all([api('GET', '/tickets/' + encodeURIComponent(no)), api('GET', '/tickets/' + encodeURIComponent(no) + '/events')]).then(function (r) {
      var t = r[0], events = r[1], panel = $('ticket');
      panel.hidden = false; panel.textContent = '';
      panel.appendChild(el('h3', '工单 ' + t.ticketNo + ' · ' + label(t.state)));
      var dl = el('dl');
      [['户号', t.accountNo], ['区域', t.area], ['地址', t.address], ['情况', t.description], ['联系电话', t.contactPhone],
        ['预计恢复', time(t.expectedRestoration)], ['报修时间', time(t.reportedAt)]].forEach(function (p) {
        if (p[1]) { dl.appendChild(el('dt', p[0])); dl.appendChild(el('dd', p[1])); }
      });
      panel.appendChild(dl);
      if (t.photos && t.photos.length) {
        var photos = el('div', null, 'photos');
        t.photos.forEach(function (p, i) { var img = el('img'); img.src = p; img.alt = '现场照片' + (i + 1); photos.appendChild(img); });
        panel.appendChild(photos);
      }
      var ol = el('ol');
      events.forEach(function (ev) { ol.appendChild(el('li', time(ev.at) + ' ' + label(ev.to) + ' · ' + ev.actor + (ev.note ? ' · ' + ev.note : ''))); });
      panel.appendChild(el('h4', '处理记录')); panel.appendChild(ol);
      var steps = may('DISPATCHER') ? TICKET_STEPS[t.state] || [] : [];
      if (steps.length) {
        var actions = el('div', null, 'actions');
        var noteLabel = el('label', '备注'); noteLabel.htmlFor = 'ticket-note';
        var note = el('input'); note.id = 'ticket-note'; note.size = 30;
        actions.appendChild(noteLabel); actions.appendChild(note);
        var eta = null;
        if (t.state === 'RECEIVED') {
          var etaLabel = el('label', '预计恢复'); etaLabel.htmlFor = 'ticket-eta';
          eta = el('input'); eta.id = 'ticket-eta'; eta.type = 'datetime-local';
          actions.appendChild(etaLabel); actions.appendChild(eta);
        }
        steps.forEach(function (s) {
          actions.appendChild(button(s[1], function () {
            var body = { note: note.value.trim() || null };
            if (eta && eta.value) { body.expectedRestoration = new Date(eta.value).toISOString(); }
            api('POST', '/tickets/' + encodeURIComponent(t.ticketNo) + '/' + s[0], body).then(function (after) {
              flash('工单 ' + after.ticketNo + ' 已更新为' + label(after.state) + '，已通知报修客户', true);
              openTicket(after.ticketNo);
            }).catch(failed);
          }, s[0] === 'cancel' ? 'danger' : null));
        });
        panel.appendChild(actions);
      }
    }).catch(failed);
  }

  // ---- bookings --------------------------------------------------------------------------
  $('booking-filter').addEventListener('submit', function (e) {
    e.preventDefault();
    var state = $('booking-state').value;
    api('GET', '/bookings' + (state ? '?state=' + state : '')).then(function (list) {
      var body = $('bookings'); body.textContent = '';
      list.forEach(function (b) {
        body.appendChild(row([b.no, label(b.state), b.serviceType, b.date + ' ' + (b.start || '')], function () { openBooking(b.no); }));
      });
      if (!list.length) { body.appendChild(row(['没有符合条件的预约', '', '', ''])); }
    }).catch(failed);
  });
  $('booking-open').addEventListener('click', function () { if ($('booking-no').value.trim()) { openBooking($('booking-no').value.trim()); } });
  var BOOKING_STEPS = { BOOKED: [['confirm', '确认预约']], CONFIRMED: [['done', '已办结'], ['no-show', '客户未到场']] };
  function openBooking(no) {
    api('GET', '/bookings/' + encodeURIComponent(no)).then(function (b) {
      var panel = $('booking'); panel.hidden = false; panel.textContent = '';
      panel.appendChild(el('h3', '预约 ' + b.no + ' · ' + label(b.state)));
      var dl = el('dl');
      [['业务', b.serviceType], ['户号', b.account], ['网点', b.slot && b.slot.servicePointName], ['时间', b.slot && (b.slot.date + ' ' + b.slot.start + '-' + b.slot.end)],
        ['地址', b.address], ['电话', b.contactPhone], ['备注', b.note]].forEach(function (p) { if (p[1]) { dl.appendChild(el('dt', p[0])); dl.appendChild(el('dd', p[1])); } });
      panel.appendChild(dl);
      var actions = el('div', null, 'actions');
      (may('SERVICE') ? BOOKING_STEPS[b.state] || [] : []).forEach(function (s) {
        actions.appendChild(button(s[1], function () {
          api('POST', '/bookings/' + encodeURIComponent(b.no) + '/' + s[0], {}).then(function (after) {
            flash('预约 ' + after.no + ' 已更新为' + label(after.state), true); openBooking(after.no);
          }).catch(failed);
        }));
      });
      panel.appendChild(actions);
    }).catch(failed);
  }

  // ---- applications ----------------------------------------------------------------------
  $('application-filter').addEventListener('submit', function (e) {
    e.preventDefault();
    var state = $('application-state').value;
    api('GET', '/applications' + (state ? '?state=' + state : '')).then(function (list) {
      var body = $('applications'); body.textContent = '';
      list.forEach(function (a) {
        body.appendChild(row([a.no, label(a.state), a.type, a.address], function () { openApplication(a.no); }));
      });
      if (!list.length) { body.appendChild(row(['没有符合条件的申请', '', '', ''])); }
    }).catch(failed);
  });
  $('application-open').addEventListener('click', function () { if ($('application-no').value.trim()) { openApplication($('application-no').value.trim()); } });
  var APPLICATION_STEPS = { SUBMITTED: [['accept', '受理']], ACCEPTED: [['survey', '安排勘查']], SURVEY: [['approve', '批准']], APPROVED: [['connect', '已接电']] };
  function openApplication(no) {
    Promise.all([api('GET', '/applications/' + encodeURIComponent(no)), api('GET', '/applications/' + encodeURIComponent(no) + '/events')]).then(function (r) {
      var a = r[0], events = r[1], panel = $('application'); panel.hidden = false; panel.textContent = '';
      panel.appendChild(el('h3', '申请 ' + a.no + ' · ' + label(a.state)));
      var dl = el('dl');
      [['业务', a.type], ['申请人', a.applicantName], ['电话', a.phone], ['地址', a.address], ['户号', a.account], ['容量(kW)', a.requestedKw], ['驳回原因', a.rejectReason]]
        .forEach(function (p) { if (p[1]) { dl.appendChild(el('dt', p[0])); dl.appendChild(el('dd', String(p[1]))); } });
      panel.appendChild(dl);
      if (a.documents && a.documents.length) {
        var photos = el('div', null, 'photos');
        a.documents.forEach(function (p, i) { var img = el('img'); img.src = p; img.alt = '材料照片' + (i + 1); photos.appendChild(img); });
        panel.appendChild(photos);
      }
      var ol = el('ol');
      events.forEach(function (ev) { ol.appendChild(el('li', time(ev.at) + ' ' + label(ev.state) + (ev.note ? ' · ' + ev.note : ''))); });
      panel.appendChild(ol);
      var actions = el('div', null, 'actions');
      var steps = may('SERVICE') ? APPLICATION_STEPS[a.state] || [] : [];
      var stepNote = null;
      if (steps.length) {
        var stepNoteLabel = el('label', '备注'); stepNoteLabel.htmlFor = 'application-note';
        stepNote = el('input'); stepNote.id = 'application-note'; stepNote.size = 30;
        actions.appendChild(stepNoteLabel); actions.appendChild(stepNote);
      }
      steps.forEach(function (s) {
        actions.appendChild(button(s[1], function () { step(a.no, s[0], { note: stepNote.value.trim() || null }); }));
      });
      if (may('SERVICE') && ['SUBMITTED', 'ACCEPTED', 'SURVEY'].indexOf(a.state) >= 0) {
        var reasonLabel = el('label', '驳回原因'); reasonLabel.htmlFor = 'application-reason';
        var reason = el('input'); reason.id = 'application-reason';
        actions.appendChild(reasonLabel); actions.appendChild(reason);
        actions.appendChild(button('驳回', function () { step(a.no, 'reject', { reason: reason.value.trim() }); }, 'danger'));
      }
      panel.appendChild(actions);
    }).catch(failed);
    function step(no, action, body) {
      api('POST', '/applications/' + encodeURIComponent(no) + '/' + action, body).then(function (after) {
        flash('申请 ' + after.no + ' 已更新为' + label(after.state) + '，已通知申请人', true); openApplication(after.no);
      }).catch(failed);
    }
  }

  // ---- outages ---------------------------------------------------------------------------
  function loadOutages() {
    api('GET', '/outages').then(function (list) {
      var body = $('outages'); body.textContent = '';
      list.forEach(function (o) {
        body.appendChild(row([o.id, o.kind === 'PLANNED' ? '计划' : '故障', label(o.state), o.areas.join(', '), o.reason, time(o.startsAt), time(o.expectedEnd)]));
      });
    }).catch(failed);
  }
  $('outage-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var plan = {
      areas: $('outage-areas').value.split(/[,，\s]+/).filter(Boolean),
      startsAt: new Date($('outage-start').value).toISOString(),
      endsAt: new Date($('outage-end').value).toISOString(),
      reason: $('outage-reason').value.trim()
    };
    api('POST', '/outages', plan).then(function (o) {
      return api('POST', '/outages/' + o.id + '/publish', {});
    }).then(function (o) {
      $('outage-result').textContent = '停电 ' + o.id + ' 已发布，正在通知影响区域的客户…';
      loadOutages();
      reach(o.id, 0);
    }).catch(failed);
  });

  /** Shows how many customers the notice reached; looks again while deliveries are under way. */
  function reach(id, round) {
    api('GET', '/outages/' + id + '/reach').then(function (r) {
      var pending = (r.deliveries.QUEUED || 0) + (r.deliveries.RETRY || 0);
      $('outage-result').textContent = '停电 ' + id + ' 已发布：影响 ' + r.accounts + ' 户，已通知 ' + r.notified + ' 位订阅停电通知的客户' +
        (pending ? '（另有 ' + pending + ' 条正在发送）' : '') + '。';
      flash('停电已发布', true);
      if ((pending || round < 2) && round < 10) { setTimeout(function () { reach(id, round + 1); }, 1500); }
    }).catch(failed);
  }

  if (auth) {
    api('GET', '/me').then(start).catch(function () { logout(); });
  }
})();
