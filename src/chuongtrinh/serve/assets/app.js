// The pages of `chuongtrinh serve`: news by server-sent events, the editor and its saves.
"use strict";

(() => {
  const body = document.body;
  const token = body.dataset.token;
  const name = body.dataset.name;
  const $ = (selector) => document.querySelector(selector);
  const path = (text) => text.split("/").map(encodeURIComponent).join("/");
  const severity = { error: "lỗi", warning: "cảnh báo" };
  const states = { ok: "hợp lệ", warnings: "có cảnh báo", errors: "có lỗi" };

  function listen(handlers) {
    const source = new EventSource("/events");
    for (const [event, handle] of Object.entries(handlers)) {
      source.addEventListener(event, (message) => handle(JSON.parse(message.data)));
    }
    source.addEventListener("open", () => body.classList.remove("offline"));
    source.addEventListener("error", () => body.classList.add("offline"));
  }

  async function fetchPage(url) {
    const response = await fetch(url, { headers: { Accept: "text/html" } });
    return new DOMParser().parseFromString(await response.text(), "text/html");
  }

  function showPreview(html) {
    const pane = $("#preview-pane") || document.scrollingElement;
    const scroll = pane.scrollTop;
    $("#preview").innerHTML = html;
    Paginate.all($("#preview"));
    pane.scrollTop = scroll;
  }

  // -- the index ------------------------------------------------------------------------------

  async function refreshIndex() {
    const fresh = await fetchPage("/");
    $("#programmes").replaceWith(fresh.querySelector("#programmes"));
  }

  // -- the changes view -----------------------------------------------------------------------

  async function refreshChanges(news) {
    if (news.name !== name) return;
    const fresh = await fetchPage(location.href);
    $("main").replaceWith(fresh.querySelector("main"));
    if ($("#preview")) Paginate.all($("#preview"));
  }

  // -- a programme's page ---------------------------------------------------------------------

  function programmePage() {
    const yaml = $("#yaml");
    const gutter = $("#gutter");
    const status = (text, kind = "") => {
      $("#save-status").textContent = text;
      $("#save-status").className = kind;
    };
    let news = JSON.parse($("#news").textContent);
    let base = news.digest; // the file's digest when the editor's text was read or saved
    let saved = yaml.value;

    function drawGutter() {
      const flagged = new Map(news.diagnostics.map((d) => [d.line, d.severity]));
      const count = yaml.value.split("\n").length;
      gutter.innerHTML = "";
      for (let line = 1; line <= count; line += 1) {
        const number = document.createElement("span");
        number.textContent = String(line);
        if (flagged.has(line)) number.className = flagged.get(line);
        gutter.appendChild(number);
      }
      gutter.scrollTop = yaml.scrollTop;
    }

    function goTo(line, col) {
      const lines = yaml.value.split("\n");
      const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
      yaml.focus();
      yaml.setSelectionRange(start + col - 1, start + (lines[line - 1] || "").length);
      const height = yaml.scrollHeight / Math.max(lines.length, 1);
      yaml.scrollTop = Math.max(0, (line - 5) * height);
    }

    function showDiagnostics() {
      const list = $("#diagnostics");
      list.innerHTML = "";
      $("#preview").querySelectorAll(".flag").forEach((p) => {
        p.classList.remove("flag", "error", "warning");
        p.removeAttribute("title");
      });
      for (const d of news.diagnostics) {
        const item = document.createElement("li");
        item.className = d.severity;
        const link = document.createElement("a");
        link.href = "#";
        link.addEventListener("click", (event) => {
          event.preventDefault();
          goTo(d.line, d.col);
        });
        const where = document.createElement("span");
        where.className = "where";
        where.textContent = `${d.file}:${d.line}:${d.col}`;
        const text = document.createElement("span");
        text.className = "message";
        text.textContent = `${severity[d.severity]} [${d.code}] ${d.message}`;
        link.append(where, " ", text);
        item.appendChild(link);
        if (d.hint) {
          // The first line says what to do; lines after it quote the YAML with a caret.
          const [advice, ...excerpt] = d.hint.split("\n");
          const hint = document.createElement("span");
          hint.className = "hint";
          hint.textContent = `gợi ý: ${advice}`;
          item.appendChild(hint);
          if (excerpt.length) {
            const quoted = document.createElement("pre");
            quoted.className = "excerpt";
            quoted.textContent = excerpt.join("\n");
            item.appendChild(quoted);
          }
        }
        list.appendChild(item);
        for (const key of d.keys) {
          $("#preview").querySelectorAll(`p[data-key="${CSS.escape(key)}"]`).forEach((p) => {
            p.classList.add("flag", d.severity);
            p.title = `${d.line}:${d.col} ${d.message}`;
          });
        }
      }
      $("#preview").classList.toggle("stale", !news.current);
      $("#download").classList.toggle("disabled", !news.current); // no .docx while broken
      $("#state").className = `badge ${news.state}`;
      $("#state").textContent = states[news.state];
      drawGutter();
    }

    function receive(fresh) {
      if (fresh.name !== name) return;
      const dirty = yaml.value !== saved;
      if (!dirty && fresh.text !== null) {
        yaml.value = saved = fresh.text;
        base = fresh.digest;
      } else if (dirty && fresh.digest !== base) {
        status("Tệp vừa được sửa ở nơi khác; phần bạn đang sửa chưa lưu.", "warning");
      }
      if (fresh.current && fresh.preview !== news.preview) showPreview(fresh.preview);
      news = fresh;
      showDiagnostics();
    }

    async function save() {
      const text = yaml.value;
      status("đang lưu…");
      const response = await fetch(`/save/${path(name)}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          "X-Chuongtrinh-Token": token,
        },
        body: JSON.stringify({ text, digest: base }),
      });
      const answer = await response.json();
      if (!response.ok) {
        status(answer.error, "error");
        return;
      }
      base = answer.digest;
      saved = text;
      status("đã lưu", "ok");
    }

    yaml.addEventListener("input", () => {
      status(yaml.value === saved ? "" : "chưa lưu");
      drawGutter();
    });
    yaml.addEventListener("scroll", () => {
      gutter.scrollTop = yaml.scrollTop;
    });
    yaml.addEventListener("keydown", (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === "s") {
        event.preventDefault();
        save();
      }
    });
    $("#save").addEventListener("click", save);
    $("#toggle-editor").addEventListener("click", () => {
      const hidden = body.classList.toggle("no-editor");
      $("#toggle-editor").textContent = hidden ? "Sửa YAML" : "Ẩn YAML";
    });
    Paginate.all($("#preview"));
    showDiagnostics();
    listen({ update: receive });
  }

  if (body.classList.contains("index-page")) {
    listen({ index: refreshIndex });
  } else if (body.classList.contains("programme-page")) {
    document.fonts.ready.then(programmePage);
  } else if (body.classList.contains("changes-page")) {
    document.fonts.ready.then(() => {
      if ($("#preview")) Paginate.all($("#preview"));
      listen({ update: refreshChanges });
    });
  }
})();
