#!/usr/bin/env bash
# Prints each failed test in the given .trx files with the first lines of its message and stack trace, so the end of
# a CI log (often all that is kept) says which test failed and why. Plain awk: CI machines have nothing else.
set -uo pipefail
for trx in "$@"; do
  awk '
    /<UnitTestResult / && /outcome="Failed"/ {
      match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11)
      gsub(/&quot;/, "\"", name); gsub(/&amp;/, "\\&", name); gsub(/&lt;/, "<", name); gsub(/&gt;/, ">", name)
      print "FAILED: " name; failed = 1; lines = 0; next
    }
    failed && /<\/UnitTestResult>/ { failed = 0; next }
    failed && lines < 25 {
      line = $0
      gsub(/<\/?(Output|ErrorInfo|Message|StackTrace|StdOut)>/, "", line)
      gsub(/&quot;/, "\"", line); gsub(/&apos;/, "'"'"'", line); gsub(/&lt;/, "<", line); gsub(/&gt;/, ">", line); gsub(/&amp;/, "\\&", line)
      if (line ~ /[^ \t]/) { print "    " line; lines++ }
    }
  ' "$trx"
done
