// The workbench's keyboard shortcuts, as a CAT tool has them; the page lists them
// (templates/admin/translation_workbench.html, "Keyboard shortcuts").
//   Alt+Down / Alt+Up   the next / previous segment's translation
//   Ctrl+Enter          save and go to the next in the queue (Cmd+Enter on a Mac)
// A segment is a row of the workbench: one field's original and its translation.
// Rows that are read-only for this translator are skipped.
(function () {
  "use strict";

  // The place a translator types in a row: the rich-text editor's editable area once
  // it has loaded, else the field itself.
  function editorOf(row) {
    return (
      row.querySelector(".workbench-target [contenteditable=true]") ||
      row.querySelector(
        ".workbench-target textarea:not([readonly]):not([disabled]), " +
          ".workbench-target input[type=text]:not([readonly]):not([disabled])"
      )
    );
  }

  function editableRows() {
    return Array.from(document.querySelectorAll(".workbench-row")).filter(
      (row) => !row.closest(".workbench-locked") && editorOf(row)
    );
  }

  function move(step) {
    const rows = editableRows();
    if (!rows.length) {
      return;
    }
    const current = rows.findIndex((row) => row.contains(document.activeElement));
    const next = current === -1 ? (step > 0 ? 0 : rows.length - 1) : current + step;
    if (next < 0 || next >= rows.length) {
      return;
    }
    const editor = editorOf(rows[next]);
    editor.focus();
    rows[next].scrollIntoView({ block: "center" });
  }

  function saveAndNext() {
    const form = document.getElementById("workbench_form");
    const button = form && form.querySelector("input[name=_next]");
    if (button) {
      form.requestSubmit(button);
    }
  }

  document.addEventListener("keydown", (event) => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        move(event.key === "ArrowDown" ? 1 : -1);
      }
    } else if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key === "Enter") {
      event.preventDefault();
      saveAndNext();
    }
  });
})();
