// The floor: a static page with the same form is interactive once its DOM is parsed.
performance.mark("rth:interactive");
