/* A minimal ResizeObserver for browsers without one (every current browser has it). Material's bundle
   would otherwise load a polyfill from unpkg.com: this site makes no third-party requests, and its
   Content-Security-Policy would block that script anyway. Observed elements are reported once when
   observed and again whenever the window is resized. */
(function () {
  "use strict";
  if (typeof window.ResizeObserver !== "undefined") return;
  function entry(target) {
    return { target: target, contentRect: target.getBoundingClientRect() };
  }
  function LocalResizeObserver(callback) {
    var self = this;
    self.callback = callback;
    self.targets = [];
    self.onResize = function () { self.notify(self.targets); };
  }
  LocalResizeObserver.prototype.notify = function (targets) {
    if (targets.length) this.callback(targets.map(entry), this);
  };
  LocalResizeObserver.prototype.observe = function (target) {
    var self = this;
    if (self.targets.indexOf(target) < 0) self.targets.push(target);
    if (self.targets.length === 1) window.addEventListener("resize", self.onResize);
    window.setTimeout(function () { self.notify([target]); }, 0);
  };
  LocalResizeObserver.prototype.unobserve = function (target) {
    this.targets = this.targets.filter(function (t) { return t !== target; });
    if (!this.targets.length) window.removeEventListener("resize", this.onResize);
  };
  LocalResizeObserver.prototype.disconnect = function () {
    this.targets = [];
    window.removeEventListener("resize", this.onResize);
  };
  window.ResizeObserver = LocalResizeObserver;
})();
