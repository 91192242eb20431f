// Claims pages, progressive enhancement only (the pages work without it; CSP forbids inline
// scripts, so this is a file): the payment batch total follows the claims ticked, and the
// document picker lists each chosen file with the kind it will be stored as.
(function () {
  'use strict'
  function yuan (fen) {
    var s = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
    return '¥' + s + '.' + String(fen % 100).padStart(2, '0')
  }
  document.addEventListener('DOMContentLoaded', function () {
    // <form data-batch-total="id-of-output">, checkboxes with data-fen.
    document.querySelectorAll('form[data-batch-total]').forEach(function (form) {
      var out = document.getElementById(form.getAttribute('data-batch-total'))
      var count = document.getElementById(form.getAttribute('data-batch-count'))
      var update = function () {
        var total = 0
        var n = 0
        form.querySelectorAll('input[type=checkbox][data-fen]').forEach(function (c) {
          if (c.checked) { total += parseInt(c.getAttribute('data-fen'), 10) || 0; n++ }
        })
        if (out) out.textContent = yuan(total)
        if (count) count.textContent = String(n)
      }
      form.addEventListener('change', update)
      update()
    })
    // <form data-upload-list="id-of-list">: one line per chosen file, "kind: name (size)".
    document.querySelectorAll('form[data-upload-list]').forEach(function (form) {
      var list = document.getElementById(form.getAttribute('data-upload-list'))
      var input = form.querySelector('input[type=file]')
      var kind = form.querySelector('select[name=kind]')
      if (!list || !input) return
      var show = function () {
        list.textContent = ''
        var label = kind ? kind.options[kind.selectedIndex].textContent : ''
        Array.prototype.forEach.call(input.files || [], function (f) {
          var li = document.createElement('li')
          li.textContent = label + ': ' + f.name + ' (' + Math.max(1, Math.round(f.size / 1024)) + ' KB)'
          list.appendChild(li)
        })
      }
      input.addEventListener('change', show)
      if (kind) kind.addEventListener('change', show)
    })
  })
})()
