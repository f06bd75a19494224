;; The application draws of one applicant (see ../applications.ts, chooseApplications):
;; for each candidate k < n, score = appeal + noise * normal, where normal is read from the
;; table of normal quantiles at the candidate's hash, exactly as rng/streams.ts computes it
;; (rowNormalAt); each score is then placed against the window [lo, hi] around the guessed
;; cutoff. Same operations in the same order as the JavaScript, so the same bits.
;;
;; Memory (imported, laid out by draw-kernel.ts; byte offsets set once with `layout`):
;;   quantiles  f64 × 2049   the table of rng/streams.ts
;;   appeal     f64 × C      each candidate's appeal (the plan's selectAppeal)
;;   column     i32 × C      each candidate's column key (the plan's candidateColumn)
;;   score      f64 × n      out: the scores of the applicant's candidates
;;   kept       i32 × n+4    out: the places above the window, in order
;;   inside     i32 × n+4    out: the places inside the window, in order
;;   counts     i32 × 2      out: how many above, how many inside
;;   pack       i32 × 4 × 16 row m: the lanes whose bits are set in m, in order (then zeros)
(module
  (import "env" "memory" (memory 1))
  (global $quantiles (mut i32) (i32.const 0))
  (global $appeal (mut i32) (i32.const 0))
  (global $column (mut i32) (i32.const 0))
  (global $score (mut i32) (i32.const 0))
  (global $kept (mut i32) (i32.const 0))
  (global $inside (mut i32) (i32.const 0))
  (global $counts (mut i32) (i32.const 0))
  (global $pack (mut i32) (i32.const 0))

  (func (export "layout")
    (param $quantiles i32) (param $appeal i32) (param $column i32)
    (param $score i32) (param $kept i32) (param $inside i32) (param $counts i32) (param $pack i32)
    (global.set $quantiles (local.get $quantiles))
    (global.set $appeal (local.get $appeal))
    (global.set $column (local.get $column))
    (global.set $score (local.get $score))
    (global.set $kept (local.get $kept))
    (global.set $inside (local.get $inside))
    (global.set $counts (local.get $counts))
    (global.set $pack (local.get $pack)))

  ;; lowbias32, as `mix` in rng/streams.ts.
  (func $mix (param $x i32) (result i32)
    (local.set $x (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 16))))
    (local.set $x (i32.mul (local.get $x) (i32.const 0x7feb352d)))
    (local.set $x (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 15))))
    (local.set $x (i32.mul (local.get $x) (i32.const 0x846ca68b)))
    (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 16))))

  ;; normalOf: the top 11 bits pick an interval of the table, the low 21 bits the place in it.
  (func $normal (param $h i32) (result f64)
    (local $at i32) (local $lo f64) (local $f f64)
    (local.set $at (i32.add (global.get $quantiles) (i32.shl (i32.shr_u (local.get $h) (i32.const 21)) (i32.const 3))))
    ;; (h & 0x1fffff) / 2^21: exact, as a multiplication by 2^-21 is.
    (local.set $f (f64.mul (f64.convert_i32_u (i32.and (local.get $h) (i32.const 0x1fffff))) (f64.const 0x1p-21)))
    (local.set $lo (f64.load (local.get $at)))
    (f64.add (local.get $lo) (f64.mul (local.get $f) (f64.sub (f64.load offset=8 (local.get $at)) (local.get $lo)))))

  ;; The scores of candidates c0 … c0+n-1 of a row key, placed against [lo, hi]: returns how
  ;; many are above; counts[1] says how many are inside. Four candidates per pass: their
  ;; hashes in one i32x4, their scores as two f64x2 (appeal + noise × (lo + f × (hi - lo)),
  ;; f = fraction × 2^-21, as normalOf computes it); the table is read lane by lane (a lane's
  ;; two neighbouring quantiles [lo, hi] in one 16-byte load, regrouped by shuffles as
  ;; [lo0, lo1] and [hi0, hi1]) and the placing is scalar.
  (func (export "choose")
    (param $c0 i32) (param $n i32) (param $row i32) (param $noise f64) (param $lo f64) (param $hi f64)
    (result i32)
    (local $k i32) (local $end4 i32) (local $above i32) (local $in i32) (local $v f64)
    (local $appeal i32) (local $column i32) (local $score i32)
    (local $h v128) (local $at v128) (local $p0 v128) (local $p1 v128) (local $f v128)
    (local $v01 v128) (local $v23 v128) (local $noise2 v128) (local $lo2 v128)
    (local $wlo v128) (local $hi2 v128) (local $mask i32)
    (local.set $appeal (i32.add (global.get $appeal) (i32.shl (local.get $c0) (i32.const 3))))
    (local.set $column (i32.add (global.get $column) (i32.shl (local.get $c0) (i32.const 2))))
    (local.set $score (global.get $score))
    (local.set $noise2 (f64x2.splat (local.get $noise)))
    (local.set $wlo (f64x2.splat (local.get $lo)))
    (local.set $hi2 (f64x2.splat (local.get $hi)))
    (local.set $end4 (i32.and (local.get $n) (i32.const -4)))
    (block $done4
      (br_if $done4 (i32.eqz (local.get $end4)))
      (loop $next4
        ;; mix (lowbias32) of row + column, four at once.
        (local.set $h (i32x4.add (v128.load (local.get $column)) (i32x4.splat (local.get $row))))
        (local.set $h (v128.xor (local.get $h) (i32x4.shr_u (local.get $h) (i32.const 16))))
        (local.set $h (i32x4.mul (local.get $h) (i32x4.splat (i32.const 0x7feb352d))))
        (local.set $h (v128.xor (local.get $h) (i32x4.shr_u (local.get $h) (i32.const 15))))
        (local.set $h (i32x4.mul (local.get $h) (i32x4.splat (i32.const 0x846ca68b))))
        (local.set $h (v128.xor (local.get $h) (i32x4.shr_u (local.get $h) (i32.const 16))))
        ;; Byte address of each lane's interval in the table, and its place in it.
        (local.set $at (i32x4.add (i32x4.splat (global.get $quantiles))
          (i32x4.shl (i32x4.shr_u (local.get $h) (i32.const 21)) (i32.const 3))))
        (local.set $f (v128.and (local.get $h) (i32x4.splat (i32.const 0x1fffff))))
        ;; Lanes 0 and 1: [lo, hi] of each, regrouped as [lo0, lo1] and [hi0, hi1].
        (local.set $p0 (v128.load (i32x4.extract_lane 0 (local.get $at))))
        (local.set $p1 (v128.load (i32x4.extract_lane 1 (local.get $at))))
        (local.set $v01
(f64x2.add (v128.load (local.get $appeal))
            (f64x2.mul (local.get $noise2)
              (f64x2.add
                (local.tee $lo2 (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $p0) (local.get $p1)))
                (f64x2.mul (f64x2.mul (f64x2.convert_low_i32x4_u (local.get $f)) (f64x2.splat (f64.const 0x1p-21)))
                  (f64x2.sub (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $p0) (local.get $p1)) (local.get $lo2)))))))
        (local.set $p0 (v128.load (i32x4.extract_lane 2 (local.get $at))))
        (local.set $p1 (v128.load (i32x4.extract_lane 3 (local.get $at))))
        (local.set $v23
(f64x2.add (v128.load offset=16 (local.get $appeal))
            (f64x2.mul (local.get $noise2)
              (f64x2.add
                (local.tee $lo2 (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $p0) (local.get $p1)))
                (f64x2.mul (f64x2.mul (f64x2.convert_low_i32x4_u (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $f) (local.get $f))) (f64x2.splat (f64.const 0x1p-21)))
                  (f64x2.sub (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $p0) (local.get $p1)) (local.get $lo2)))))))
        (v128.store (local.get $score) (local.get $v01))
        (v128.store offset=16 (local.get $score) (local.get $v23))
        ;; Which of the four are above the window, and which inside it, as 4-bit masks
        ;; (lane i at bit i); each mask's lanes are written in order at the end of their
        ;; list in one 16-byte store of the packing table's row for that mask (places past
        ;; the list's new end are overwritten later or never read), and the list grows by
        ;; the mask's count: the placing without a branch, four at a time.
        (local.set $mask (i32.or
          (i64x2.bitmask (f64x2.gt (local.get $v01) (local.get $hi2)))
          (i32.shl (i64x2.bitmask (f64x2.gt (local.get $v23) (local.get $hi2))) (i32.const 2))))
        (v128.store (i32.add (global.get $kept) (i32.shl (local.get $above) (i32.const 2)))
          (i32x4.add (v128.load (i32.add (global.get $pack) (i32.shl (local.get $mask) (i32.const 4)))) (i32x4.splat (local.get $k))))
        (local.set $above (i32.add (local.get $above) (i32.popcnt (local.get $mask))))
        (local.set $mask (i32.or
          (i64x2.bitmask (v128.and (f64x2.ge (local.get $v01) (local.get $wlo)) (f64x2.le (local.get $v01) (local.get $hi2))))
          (i32.shl (i64x2.bitmask (v128.and (f64x2.ge (local.get $v23) (local.get $wlo)) (f64x2.le (local.get $v23) (local.get $hi2)))) (i32.const 2))))
        (v128.store (i32.add (global.get $inside) (i32.shl (local.get $in) (i32.const 2)))
          (i32x4.add (v128.load (i32.add (global.get $pack) (i32.shl (local.get $mask) (i32.const 4)))) (i32x4.splat (local.get $k))))
        (local.set $in (i32.add (local.get $in) (i32.popcnt (local.get $mask))))
        (local.set $appeal (i32.add (local.get $appeal) (i32.const 32)))
        (local.set $column (i32.add (local.get $column) (i32.const 16)))
        (local.set $score (i32.add (local.get $score) (i32.const 32)))
        (local.set $k (i32.add (local.get $k) (i32.const 4)))
        (br_if $next4 (i32.lt_u (local.get $k) (local.get $end4)))))
    ;; The last n mod 4, one at a time.
    (block $done
      (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
      (loop $next
        (local.set $v
          (f64.add
            (f64.load (local.get $appeal))
            (f64.mul (local.get $noise)
              (call $normal (call $mix (i32.add (local.get $row) (i32.load (local.get $column))))))))
        (f64.store (local.get $score) (local.get $v))
        (i32.store (i32.add (global.get $kept) (i32.shl (local.get $above) (i32.const 2))) (local.get $k))
        (local.set $above (i32.add (local.get $above) (f64.gt (local.get $v) (local.get $hi))))
        (i32.store (i32.add (global.get $inside) (i32.shl (local.get $in) (i32.const 2))) (local.get $k))
        (local.set $in (i32.add (local.get $in)
          (i32.and (f64.ge (local.get $v) (local.get $lo)) (f64.le (local.get $v) (local.get $hi)))))
        (local.set $appeal (i32.add (local.get $appeal) (i32.const 8)))
        (local.set $column (i32.add (local.get $column) (i32.const 4)))
        (local.set $score (i32.add (local.get $score) (i32.const 8)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $next (i32.lt_u (local.get $k) (local.get $n)))))
    (i32.store offset=4 (global.get $counts) (local.get $in))
    (i32.store (global.get $counts) (local.get $above))
    (local.get $above))
)
