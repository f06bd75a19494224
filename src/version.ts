/** This version of match-sim (package.json's; a test keeps the two the same). */
export const VERSION = "0.2.0";
