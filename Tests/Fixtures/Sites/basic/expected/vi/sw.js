// The service worker of the vi pages, written by Outreach: what the theme's
// assets/service-worker.js keeps on the phone for use without a connection.
self.outreachOffline = {"cache":"outreach:/campaign/vi/:e000ea90e58e2d41","cachePrefix":"outreach:/campaign/vi/:","offline":"/campaign/vi/offline.html","precache":["/campaign/vi/","/campaign/vi/quiz/basics/","/campaign/vi/quiz/basics/2/","/campaign/vi/offline.html","/campaign/vi/manifest.webmanifest","/campaign/assets/style.css"]};
importScripts("/campaign/assets/service-worker.js");
