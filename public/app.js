// Progressive enhancement only: every page works without this script.
(function () {
  'use strict'
  // Focus the error summary so screen readers announce what went wrong.
  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.querySelector('.error-summary')
    if (summary) summary.focus()
    // Print buttons.
    document.querySelectorAll('[data-print]').forEach(function (b) {
      b.addEventListener('click', function () { window.print() })
    })
    // Confirmation for destructive actions: <button data-confirm="…">.
    document.querySelectorAll('[data-confirm]').forEach(function (b) {
      b.addEventListener('click', function (e) { if (!window.confirm(b.getAttribute('data-confirm'))) e.preventDefault() })
    })
    // Progress bars that poll a JSON URL: <progress data-poll="/url"> with {processed,total,done}.
    document.querySelectorAll('progress[data-poll]').forEach(function (bar) {
      var url = bar.getAttribute('data-poll')
      var tick = function () {
        fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
          .then(function (r) { return r.json() })
          .then(function (s) {
            bar.max = s.total || 1
            bar.value = s.processed || 0
            var label = document.getElementById(bar.id + '-label')
            if (label) label.textContent = (s.processed || 0) + ' / ' + (s.total || 0)
            if (s.done) window.location.reload()
            else setTimeout(tick, 1000)
          })
          .catch(function () { setTimeout(tick, 3000) })
      }
      tick()
    })
    // Stacked tables on phones: each cell labelled by its column's heading (templates may set it).
    document.querySelectorAll('.table-wrap > table').forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim() })
      if (heads.length === 0) return
      table.querySelectorAll('tbody tr').forEach(function (tr) {
        Array.prototype.forEach.call(tr.children, function (td, i) {
          if (td.tagName === 'TD' && !td.hasAttribute('data-label') && heads[i]) td.setAttribute('data-label', heads[i])
        })
      })
    })
    // Select-all: <a data-select-all="name"> ticks every checkbox of that name in its form
    // (without script the link reloads the page with them ticked).
    document.querySelectorAll('[data-select-all]').forEach(function (link) {
      link.addEventListener('click', function (e) {
        var form = link.closest('form')
        if (!form) return
        e.preventDefault()
        var boxes = form.querySelectorAll('input[type="checkbox"][name="' + link.getAttribute('data-select-all') + '"]')
        var all = Array.prototype.every.call(boxes, function (b) { return b.checked })
        boxes.forEach(function (b) { b.checked = !all })
      })
    })
  })
})()
