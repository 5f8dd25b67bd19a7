// Cuts each page section (<section class="flow">) of a previewed document into sheets, as
// near to Word's page breaks as a browser allows: paragraphs split between lines (at least two
// lines on each side, as Word's widow and orphan control keeps), headings kept with what
// follows, table rows never split and the header row repeated on every sheet, the header and
// closing tables kept whole, page numbers from the second sheet, a paragraph with
// data-page-bottom set at the foot of the last sheet.
"use strict";

const Paginate = (() => {
  function newSheet(flow, number) {
    const sheet = document.createElement("div");
    sheet.className = "sheet";
    if (number > 1) {
      const mark = document.createElement("div");
      mark.className = "page-number";
      mark.dataset.n = String(number);
      sheet.appendChild(mark);
    }
    const body = document.createElement("div");
    body.className = "page-body";
    sheet.appendChild(body);
    flow.appendChild(sheet);
    return body;
  }

  function limit(body) {
    return body.getBoundingClientRect().bottom + 0.5;
  }

  function overflows(body) {
    const last = body.lastElementChild;
    return last !== null && last.getBoundingClientRect().bottom > limit(body);
  }

  // Start offsets of each line of paragraph `p`, as [node, offset, top] of its first word.
  function lineStarts(p) {
    const starts = [];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let top = -Infinity;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/\S+/g)) {
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const rect = range.getBoundingClientRect();
        if (rect.top > top + rect.height / 2) {
          starts.push([node, word.index, rect.bottom]);
          top = rect.top;
        }
      }
    }
    return starts;
  }

  // Split `p` where the sheet ends; the continuation, or null when it moves whole.
  function splitParagraph(p, body) {
    const starts = lineStarts(p);
    const bottom = limit(body);
    let fit = starts.findIndex((start) => start[2] > bottom);
    if (fit < 0) return null;
    if (starts.length - fit < 2) fit = starts.length - 2; // no widow: two lines go over
    if (fit < 2) return null; // no orphan: a single line stays with the rest
    const [node, offset] = starts[fit];
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEndAfter(p.lastChild);
    const rest = p.cloneNode(false);
    rest.appendChild(range.extractContents());
    rest.classList.add("cont");
    p.classList.add("split");
    if (getComputedStyle(p).textAlign === "justify") p.style.textAlignLast = "justify";
    return rest;
  }

  // Split an items table before the first row that does not fit; the rest as a new table with
  // the header rows repeated, or null when not one row fits.
  function splitTable(table, body) {
    const rows = Array.from(table.tBodies[0].rows);
    const bottom = limit(body);
    let cut = rows.findIndex((row) => row.getBoundingClientRect().bottom > bottom);
    // A group row's heading keeps with the row under it; cells merged down (an annex's) stay
    // whole: cut above the first row of such a merge. Each may move the cut for the other.
    for (let moved = true; moved && cut > 0; ) {
      moved = false;
      while (cut > 0 && rows[cut - 1].querySelector("[data-keep-next]")) {
        cut -= 1;
        moved = true;
      }
      for (let i = 0; i < cut; i += 1) {
        for (const cell of rows[i].cells) {
          if (i + cell.rowSpan > cut) {
            cut = i;
            moved = true;
          }
        }
      }
    }
    if (cut <= 0) return null;
    const rest = table.cloneNode(false);
    rest.appendChild(table.querySelector("colgroup").cloneNode(true));
    const head = table.tHead.cloneNode(true);
    head.dataset.repeat = "1";
    rest.appendChild(head);
    const tbody = document.createElement("tbody");
    rows.slice(cut).forEach((row) => tbody.appendChild(row));
    rest.appendChild(tbody);
    return rest;
  }

  function splitBlock(block, body) {
    if (block.tagName === "P") return splitParagraph(block, body);
    if (block.tagName === "TABLE" && block.classList.contains("items")) {
      return splitTable(block, body);
    }
    return null; // the header and closing tables stay whole
  }

  // Headings at the end of a sheet, to carry to the next with what follows them.
  function keptWithNext(body) {
    const carried = [];
    let last = body.lastElementChild;
    while (last && last.dataset.keepNext && last !== body.firstElementChild) {
      carried.unshift(last);
      last = last.previousElementSibling;
    }
    carried.forEach((element) => element.remove());
    return carried;
  }

  // Fills sheets numbered from `first`; the last sheet's body and number.
  function flowInto(flow, blocks, first) {
    let number = first;
    let body = newSheet(flow, number);
    const next = () => {
      number += 1;
      body = newSheet(flow, number);
    };
    const queue = [...blocks];
    while (queue.length) {
      const block = queue.shift();
      body.appendChild(block);
      if (!overflows(body)) continue;
      const rest = splitBlock(block, body);
      if (rest) {
        next();
        queue.unshift(rest);
        continue;
      }
      if (body.firstElementChild === block) continue; // too tall for any sheet: let it show
      block.remove();
      const carried = keptWithNext(body);
      next();
      carried.forEach((element) => body.appendChild(element));
      queue.unshift(block);
    }
    return [body, number];
  }

  // Cuts one flow into sheets numbered from `first`; the number of its last sheet.
  function paginateFlow(flow, first) {
    const blocks = Array.from(flow.children);
    const atBottom = blocks.filter((block) => block.dataset.pageBottom);
    flow.textContent = "";
    const [last, number] = flowInto(flow, blocks.filter((block) => !block.dataset.pageBottom), first);
    for (const block of atBottom) {
      block.classList.add("page-bottom");
      block.style.bottom = `${block.dataset.pageBottom}mm`;
      last.parentElement.appendChild(block);
    }
    return number;
  }

  // Page numbers run on from one page section (an annex's) to the next, as in the .docx.
  function all(root) {
    let number = 0;
    for (const flow of root.querySelectorAll("section.flow")) {
      number = paginateFlow(flow, number + 1);
    }
  }

  // The text of the previewed document, one paragraph a line, as the .docx reader gives it:
  // split paragraphs joined again, repeated header rows left out.
  function text(root) {
    const paragraphs = [];
    for (const p of root.querySelectorAll(".sheet p")) {
      if (p.closest("[data-repeat]")) continue;
      let line = "";
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) line += node.data;
        else if (node.tagName === "BR") line += "\n";
      }
      if (p.classList.contains("cont")) paragraphs[paragraphs.length - 1] += line;
      else paragraphs.push(line);
    }
    return paragraphs.flatMap((paragraph) => paragraph.split("\n"));
  }

  return { all, text };
})();
