// The service worker of the en pages, written by Outreach: what the theme's
// assets/service-worker.js keeps on the phone for use without a connection.
self.outreachOffline = {"cache":"outreach:/campaign/en/:f70f17e21c63e947","cachePrefix":"outreach:/campaign/en/:","offline":"/campaign/en/offline.html","precache":["/campaign/en/","/campaign/en/quiz/basics/","/campaign/en/quiz/basics/2/","/campaign/en/offline.html","/campaign/en/manifest.webmanifest","/campaign/assets/style.css"]};
importScripts("/campaign/assets/service-worker.js");
