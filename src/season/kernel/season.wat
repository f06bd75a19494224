;; The season's bulk steps in WebAssembly (see season-kernel.ts), each the same operations
;; in the same order as the JavaScript it stands for, so the same bits.
;;
;; `choose` draws one applicant's candidates: for each candidate k < n, score = appeal +
;; noise * normal, where normal is read from the table of normal quantiles at the
;; candidate's hash, exactly as rng/streams.ts computes it (rowNormalAt); each score is then
;; placed against the window [lo, hi] around the guessed cutoff. Once the windows are
;; settled, `chooseBounded` does the same for only the candidates whose hash is not below
;; the bound written for them (the others would score below the window).
;;
;; `screen` draws step 2's scores (screen in ../screening.ts): each entry's paper, bonus
;; and noise, placed against its program's window, those inside it filed by program; once
;; the windows are settled, `screenBounded` draws only the entries not below their bounds.
;;
;; `screenCutoffs` finds each program's cutoff among the applications filed inside its
;; window, `fileProgram` files every application of a program whose window missed, and
;; `screenInvitations` invites and marks the borderline (the rest of screen).
;;
;; `attendFrom` runs steps 3 and 4's applicants' side in the world without calls (attendAs in
;; ../interviews.ts): each applicant's invitations in order of preference, the first
;; maxInterviews attended, listed, and filed under their programs with the score each
;; program ranks them by.
;;
;; `rankFrom` writes step 4's programs' lists in the world without calls (buildRankLists in
;; ../rank-lists.ts): each program's interviewees, best score first.
;;
;; `matchApplicants` runs step 9's applicant-proposing deferred acceptance on one world's
;; lists where they lie (matchWorld in ../season.ts): the rank each program gives each
;; applicant read back by their application entry, then the proposals.
;;
;; `chooseFrom` runs the application step (chooseApplications in ../applications.ts) for
;; applicants from, from+1, …: the draws (by `choose`, or by `chooseBounded` once the
;; window is settled), the cutoff among those inside the window (or among all, where it
;; misses), the entries written (program, preference,
;; screening bonus) and the must-apply candidates' bonus and unboosted preference. It stops
;; at the first applicant it leaves to the JavaScript (one marked special) and returns that
;; applicant's number.
;;
;; Memory (imported, laid out by season-kernel.ts; byte offsets read once by `layout` from the
;; header, in this order):
;;   quantiles    f64 × 2049   the table of rng/streams.ts
;;   appeal       f64 × C      each candidate's appeal (the plan's selectAppeal)
;;   column       i32 × C      each candidate's column key (the plan's candidateColumn)
;;   score        f64 × n      out: the scores of the applicant's candidates
;;   kept         i32 × n+4    out: the places above the window, in order (then those kept)
;;   inside       i32 × n+4    out: the places inside the window, in order
;;   counts       i32 × 2      out: how many above, how many inside
;;   pack         i32 × 4 × 16 row m: the lanes whose bits are set in m, in order (then zeros)
;;   program      i32 × C      each candidate's program (the plan's candidates.items)
;;   candOff      i32 × A+1    each applicant's first candidate (candidates.offsets)
;;   appOff       i32 × A+1    each applicant's first entry (the plan's appOff)
;;   applicantKey i32 × A      each applicant's draw key
;;   special      u8 × A       1: left to the JavaScript (a given order, applies to every
;;                             candidate or to none, or signals listed in the file)
;;   mustOff      i32 × A+1    each applicant's first must-apply candidate (mustApply)
;;   mustPlace    i32 × M      the must-apply candidates' places (mustApply.items)
;;   mustBonus    f64 × M      their screening bonus (mustScreenBonus)
;;   mustAppeal   f64 × M      their appeal without the boost (mustAppeal)
;;   mustColumn   i32 × M      their column key (mustColumn)
;;   entryOf      i32 × n      scratch: the entry of each kept place
;;   values       f64 × n      scratch: the scores inside the window, for the selection
;;   swap         f64 × n      scratch of the selection
;;   appProgram   i32 × T      out: each entry's program
;;   appPref      f64 × T      out: each entry's preference
;;   entryBonus   f64 × T      out: each entry's screening bonus
;;   cutoff       f64 × A      in and out: each applicant's guessed cutoff
;;   programKey   i32 × P      each program's draw key
;;   paper        f64 × A      in: each applicant's paper as screening reads it (red flags off)
;;   screenScore  f64 × T      out: each entry's screening score
;;   invited      u8 × T       out: 1 where the score is above its program's window
;;   staged       i32 × T      scratch: the entries inside their program's window
;;   window       f64 × 2P     each program's window: low, high
;;   tally        i32 × 2P     each program's count above its window, and its next filing place
;;   byProgram    i32 × F      out: the entries filed, program by program
;;   filedScore   f64 × F      out: their scores
;;   interviewed  u8 × T       out: 1 where the entry's interview was attended (the world
;;                             without calls)
;;   aList        i32 × L      out: each applicant's list of programs, at aListOff
;;   aEntry       i32 × L      out: the entry of each place of aList
;;   aLen         i32 × A      out: each applicant's list length
;;   aListOff     i32 × A+1    each applicant's first place in aList
;;   maxInterviews i32 × A     how many interviews each applicant attends at most
;;   ownList      u8 × A       1: an applicant with a rank list of their own (left to the JavaScript)
;;   programStart i32 × P+1    each program's first filing place (the plan's programAppStart)
;;   interviewees i32 × F      out: the entries each program interviewed, at programStart
;;   intervieweeApplicant i32 × F  out: their applicants
;;   intervieweeKey f64 × F    out: the scores the program ranks them by
;;   intervieweeCount i32 × P  out: how many each program interviewed
;;   paperPart    f64 × A      paperWeight × paper, per applicant
;;   flagPart     f64 × A      the ranking's red-flag penalty, or 0
;;   quality      f64 × A      each applicant's quality
;;   order        i32 × E      scratch: an applicant's invitations, by preference
;;   orderKey     f64 × E+3    scratch: their preferences (then room for three -inf)
;;   pHasRankList u8 × P       1: a program with a fixed list (left to the JavaScript)
;;   listRoom     i32 × P      each program's room in the programs' lists (screening's listRoom)
;;   pStart       i32 × P+1    in and out: each program's first place in pList (the world without calls)
;;   pLen         i32 × P      out: each program's list length
;;   pList        i32 × R      out: each program's applicants, best first
;;   pEntry       i32 × R      out: the entry of each place of pList
;;   rankIdx      i32 × N      scratch: a program's interviewees, as they are sorted
;;   rankKey      f64 × N+3    scratch: their scores (then room for three -inf)
;;   slots        i32 × P      each program's interview slots
;;   needsAll     u8 × P       out: 1 where the program's window missed (all its applications to be filed)
;;   cutoffOf     f64 × P      out: each program's screening cutoff (NaN where not found)
;;   guessOf      f64 × P      in and out: each program's guessed cutoff
;;   width        f64 × P      in and out: each program's window width, in half widths
;;   fileAll      u8 × P       out: 1 where all the program's applications are filed next trial
;;   borderlineFrom i32 × P+1  out: each program's first borderline entry
;;   invitesAt    i32 × P      out: each program's invitations
;;   borderline   u8 × T       out: 1 for a borderline entry (cleared by the caller)
;;   borderlineEntries i32 × T out: the borderline entries, program by program
;;   equal        i32 × N      scratch: a program's applications equal to its cutoff
;;   entryApplicant i32 × T    each entry's applicant
;;   borderlineApplicant i32 × T  out: the applicant of each borderline entry
;;   capacity     i32 × P      each program's positions
;;   marks        i32 × 2T     per entry: the rank its program gives it, and the stamp of the match that wrote it
;;   rankBack     i32 × L      per place of the applicants' lists: the rank the program gives them back, or -1
;;   room         i32 × P      scratch: how many each program can hold
;;   heapStart    i32 × P+1    scratch: each program's heap
;;   heapRank     i32 × H      scratch: the ranks of those a program holds (a max-heap)
;;   heapWho      i32 × H      scratch: who they are
;;   held         i32 × P      scratch: how many each program holds
;;   next         i32 × A      scratch: the place each applicant proposes to next
;;   programOf    i32 × A      out: each applicant's program, or -1
;;   matchedRank  i32 × A      out: the place of it on their list (from 1), or 0
;;   bound        u16 × C      each candidate's bound: a hash whose top 16 bits are below it
;;                             scores below its applicant's window (see chooseBounded)
;;   passIdx      i32 × n+4    scratch: the places of the hashes not below their bound
;;   passHash     i32 × n+4    scratch: those hashes
;;   lanes        u8 × 16 × 16 row m: the byte indices of the lanes set in m, in order (for
;;                             i8x16.swizzle; 0x80 past them, which reads as zero)
;;   rowMask      i32          -1, or 0 where every applicant's candidates are the same row
;;                             (column and program then hold that row alone)
;;   entryPlace   i32 × T      each entry's candidate (written by chooseFrom; C, whose
;;                             screenBound is 0, for the entries the JavaScript writes)
;;   screenBound  u16 × C+1    each candidate's bound for screening: a hash whose top 16 bits
;;                             are below it scores below its program's window
;;   sorted       i32 × E      scratch: an applicant's invitations by preference, as places in `order`
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
  (global $program (mut i32) (i32.const 0))
  (global $candOff (mut i32) (i32.const 0))
  (global $appOff (mut i32) (i32.const 0))
  (global $applicantKey (mut i32) (i32.const 0))
  (global $special (mut i32) (i32.const 0))
  (global $mustOff (mut i32) (i32.const 0))
  (global $mustPlace (mut i32) (i32.const 0))
  (global $mustBonus (mut i32) (i32.const 0))
  (global $mustAppeal (mut i32) (i32.const 0))
  (global $mustColumn (mut i32) (i32.const 0))
  (global $entryOf (mut i32) (i32.const 0))
  (global $values (mut i32) (i32.const 0))
  (global $swap (mut i32) (i32.const 0))
  (global $appProgram (mut i32) (i32.const 0))
  (global $appPref (mut i32) (i32.const 0))
  (global $entryBonus (mut i32) (i32.const 0))
  (global $cutoff (mut i32) (i32.const 0))
  (global $programKey (mut i32) (i32.const 0))
  (global $paper (mut i32) (i32.const 0))
  (global $screenScore (mut i32) (i32.const 0))
  (global $invited (mut i32) (i32.const 0))
  (global $staged (mut i32) (i32.const 0))
  (global $window (mut i32) (i32.const 0))
  (global $tally (mut i32) (i32.const 0))
  (global $byProgram (mut i32) (i32.const 0))
  (global $filedScore (mut i32) (i32.const 0))
  (global $interviewed (mut i32) (i32.const 0))
  (global $aList (mut i32) (i32.const 0))
  (global $aEntry (mut i32) (i32.const 0))
  (global $aLen (mut i32) (i32.const 0))
  (global $aListOff (mut i32) (i32.const 0))
  (global $maxInterviews (mut i32) (i32.const 0))
  (global $ownList (mut i32) (i32.const 0))
  (global $programStart (mut i32) (i32.const 0))
  (global $interviewees (mut i32) (i32.const 0))
  (global $intervieweeApplicant (mut i32) (i32.const 0))
  (global $intervieweeKey (mut i32) (i32.const 0))
  (global $intervieweeCount (mut i32) (i32.const 0))
  (global $paperPart (mut i32) (i32.const 0))
  (global $flagPart (mut i32) (i32.const 0))
  (global $quality (mut i32) (i32.const 0))
  (global $order (mut i32) (i32.const 0))
  (global $orderKey (mut i32) (i32.const 0))
  (global $pHasRankList (mut i32) (i32.const 0))
  (global $listRoom (mut i32) (i32.const 0))
  (global $pStart (mut i32) (i32.const 0))
  (global $pLen (mut i32) (i32.const 0))
  (global $pList (mut i32) (i32.const 0))
  (global $pEntry (mut i32) (i32.const 0))
  (global $rankIdx (mut i32) (i32.const 0))
  (global $rankKey (mut i32) (i32.const 0))
  (global $slots (mut i32) (i32.const 0))
  (global $needsAll (mut i32) (i32.const 0))
  (global $cutoffOf (mut i32) (i32.const 0))
  (global $guessOf (mut i32) (i32.const 0))
  (global $width (mut i32) (i32.const 0))
  (global $fileAll (mut i32) (i32.const 0))
  (global $borderlineFrom (mut i32) (i32.const 0))
  (global $invitesAt (mut i32) (i32.const 0))
  (global $borderline (mut i32) (i32.const 0))
  (global $borderlineEntries (mut i32) (i32.const 0))
  (global $equal (mut i32) (i32.const 0))
  (global $entryApplicant (mut i32) (i32.const 0))
  (global $borderlineApplicant (mut i32) (i32.const 0))
  (global $capacity (mut i32) (i32.const 0))
  (global $marks (mut i32) (i32.const 0))
  (global $rankBack (mut i32) (i32.const 0))
  (global $room (mut i32) (i32.const 0))
  (global $heapStart (mut i32) (i32.const 0))
  (global $heapRank (mut i32) (i32.const 0))
  (global $heapWho (mut i32) (i32.const 0))
  (global $held (mut i32) (i32.const 0))
  (global $next (mut i32) (i32.const 0))
  (global $programOf (mut i32) (i32.const 0))
  (global $matchedRank (mut i32) (i32.const 0))
  (global $bound (mut i32) (i32.const 0))
  (global $passIdx (mut i32) (i32.const 0))
  (global $passHash (mut i32) (i32.const 0))
  (global $lanes (mut i32) (i32.const 0))
  ;; -1 where each applicant has a row of candidates of their own; 0 where every applicant's
  ;; row is the same, kept once at the start of column and program.
  (global $rowMask (mut i32) (i32.const -1))
  (global $entryPlace (mut i32) (i32.const 0))
  (global $screenBound (mut i32) (i32.const 0))
  (global $sorted (mut i32) (i32.const 0))
  ;; The stamp of the last match's marks.
  (global $stamp (mut i32) (i32.const 0))

  ;; The byte offsets of the memory's regions, as i32s at `header`, in the order above.
  (func (export "layout") (param $header i32)
    (global.set $quantiles (i32.load offset=0 (local.get $header)))
    (global.set $appeal (i32.load offset=4 (local.get $header)))
    (global.set $column (i32.load offset=8 (local.get $header)))
    (global.set $score (i32.load offset=12 (local.get $header)))
    (global.set $kept (i32.load offset=16 (local.get $header)))
    (global.set $inside (i32.load offset=20 (local.get $header)))
    (global.set $counts (i32.load offset=24 (local.get $header)))
    (global.set $pack (i32.load offset=28 (local.get $header)))
    (global.set $program (i32.load offset=32 (local.get $header)))
    (global.set $candOff (i32.load offset=36 (local.get $header)))
    (global.set $appOff (i32.load offset=40 (local.get $header)))
    (global.set $applicantKey (i32.load offset=44 (local.get $header)))
    (global.set $special (i32.load offset=48 (local.get $header)))
    (global.set $mustOff (i32.load offset=52 (local.get $header)))
    (global.set $mustPlace (i32.load offset=56 (local.get $header)))
    (global.set $mustBonus (i32.load offset=60 (local.get $header)))
    (global.set $mustAppeal (i32.load offset=64 (local.get $header)))
    (global.set $mustColumn (i32.load offset=68 (local.get $header)))
    (global.set $entryOf (i32.load offset=72 (local.get $header)))
    (global.set $values (i32.load offset=76 (local.get $header)))
    (global.set $swap (i32.load offset=80 (local.get $header)))
    (global.set $appProgram (i32.load offset=84 (local.get $header)))
    (global.set $appPref (i32.load offset=88 (local.get $header)))
    (global.set $entryBonus (i32.load offset=92 (local.get $header)))
    (global.set $cutoff (i32.load offset=96 (local.get $header)))
    (global.set $programKey (i32.load offset=100 (local.get $header)))
    (global.set $paper (i32.load offset=104 (local.get $header)))
    (global.set $screenScore (i32.load offset=108 (local.get $header)))
    (global.set $invited (i32.load offset=112 (local.get $header)))
    (global.set $staged (i32.load offset=116 (local.get $header)))
    (global.set $window (i32.load offset=120 (local.get $header)))
    (global.set $tally (i32.load offset=124 (local.get $header)))
    (global.set $byProgram (i32.load offset=128 (local.get $header)))
    (global.set $filedScore (i32.load offset=132 (local.get $header)))
    (global.set $interviewed (i32.load offset=136 (local.get $header)))
    (global.set $aList (i32.load offset=140 (local.get $header)))
    (global.set $aEntry (i32.load offset=144 (local.get $header)))
    (global.set $aLen (i32.load offset=148 (local.get $header)))
    (global.set $aListOff (i32.load offset=152 (local.get $header)))
    (global.set $maxInterviews (i32.load offset=156 (local.get $header)))
    (global.set $ownList (i32.load offset=160 (local.get $header)))
    (global.set $programStart (i32.load offset=164 (local.get $header)))
    (global.set $interviewees (i32.load offset=168 (local.get $header)))
    (global.set $intervieweeApplicant (i32.load offset=172 (local.get $header)))
    (global.set $intervieweeKey (i32.load offset=176 (local.get $header)))
    (global.set $intervieweeCount (i32.load offset=180 (local.get $header)))
    (global.set $paperPart (i32.load offset=184 (local.get $header)))
    (global.set $flagPart (i32.load offset=188 (local.get $header)))
    (global.set $quality (i32.load offset=192 (local.get $header)))
    (global.set $order (i32.load offset=196 (local.get $header)))
    (global.set $orderKey (i32.load offset=200 (local.get $header)))
    (global.set $pHasRankList (i32.load offset=204 (local.get $header)))
    (global.set $listRoom (i32.load offset=208 (local.get $header)))
    (global.set $pStart (i32.load offset=212 (local.get $header)))
    (global.set $pLen (i32.load offset=216 (local.get $header)))
    (global.set $pList (i32.load offset=220 (local.get $header)))
    (global.set $pEntry (i32.load offset=224 (local.get $header)))
    (global.set $rankIdx (i32.load offset=228 (local.get $header)))
    (global.set $rankKey (i32.load offset=232 (local.get $header)))
    (global.set $slots (i32.load offset=236 (local.get $header)))
    (global.set $needsAll (i32.load offset=240 (local.get $header)))
    (global.set $cutoffOf (i32.load offset=244 (local.get $header)))
    (global.set $guessOf (i32.load offset=248 (local.get $header)))
    (global.set $width (i32.load offset=252 (local.get $header)))
    (global.set $fileAll (i32.load offset=256 (local.get $header)))
    (global.set $borderlineFrom (i32.load offset=260 (local.get $header)))
    (global.set $invitesAt (i32.load offset=264 (local.get $header)))
    (global.set $borderline (i32.load offset=268 (local.get $header)))
    (global.set $borderlineEntries (i32.load offset=272 (local.get $header)))
    (global.set $equal (i32.load offset=276 (local.get $header)))
    (global.set $capacity (i32.load offset=280 (local.get $header)))
    (global.set $marks (i32.load offset=284 (local.get $header)))
    (global.set $rankBack (i32.load offset=288 (local.get $header)))
    (global.set $room (i32.load offset=292 (local.get $header)))
    (global.set $heapStart (i32.load offset=296 (local.get $header)))
    (global.set $heapRank (i32.load offset=300 (local.get $header)))
    (global.set $heapWho (i32.load offset=304 (local.get $header)))
    (global.set $held (i32.load offset=308 (local.get $header)))
    (global.set $next (i32.load offset=312 (local.get $header)))
    (global.set $programOf (i32.load offset=316 (local.get $header)))
    (global.set $matchedRank (i32.load offset=320 (local.get $header)))
    (global.set $entryApplicant (i32.load offset=324 (local.get $header)))
    (global.set $borderlineApplicant (i32.load offset=328 (local.get $header)))
    (global.set $bound (i32.load offset=332 (local.get $header)))
    (global.set $passIdx (i32.load offset=336 (local.get $header)))
    (global.set $passHash (i32.load offset=340 (local.get $header)))
    (global.set $lanes (i32.load offset=344 (local.get $header)))
    (global.set $rowMask (i32.load (i32.load offset=348 (local.get $header))))
    (global.set $entryPlace (i32.load offset=352 (local.get $header)))
    (global.set $screenBound (i32.load offset=356 (local.get $header)))
    (global.set $sorted (i32.load offset=360 (local.get $header))))

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
  (func $choose (export "choose")
    (param $c0 i32) (param $n i32) (param $row i32) (param $noise f64) (param $lo f64) (param $hi f64)
    (result i32)
    (local $k i32) (local $end4 i32) (local $above i32) (local $in i32) (local $v f64)
    (local $appeal i32) (local $column i32) (local $score i32)
    (local $h v128) (local $at v128) (local $p0 v128) (local $p1 v128) (local $f v128)
    (local $v01 v128) (local $v23 v128) (local $noise2 v128) (local $lo2 v128)
    (local $wlo v128) (local $hi2 v128) (local $mask i32)
    (local.set $appeal (i32.add (global.get $appeal) (i32.shl (local.get $c0) (i32.const 3))))
    (local.set $column (i32.add (global.get $column) (i32.shl (i32.and (local.get $c0) (global.get $rowMask)) (i32.const 2))))
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

  ;; `choose` once the applicant's window is settled: the same placing, with the same scores,
  ;; drawn only for the candidates that can reach the window. The window is fixed and so is
  ;; each candidate's appeal, so a candidate scores below the window whenever its hash is
  ;; below the bound written for it (the normal rises with the hash); four hashes at a time
  ;; are compared with their bounds, and only those not below (about a third, on the
  ;; dermatology market) are looked up in the table and placed, in order. The table lookup
  ;; is most of a draw's cost, the hash little of it.
  (func $chooseBounded
    (param $c0 i32) (param $n i32) (param $row i32) (param $noise f64) (param $lo f64) (param $hi f64)
    (result i32)
    (local $k i32) (local $end4 i32) (local $m i32) (local $j i32) (local $h i32) (local $v f64)
    (local $above i32) (local $in i32) (local $at i32) (local $f f64) (local $q f64)
    (local $hv v128) (local $mask i32) (local $column i32) (local $bound i32) (local $appeal i32)
    (local $iv v128) (local $atv v128) (local $fv v128) (local $p0 v128) (local $p1 v128) (local $lo2 v128)
    (local $v01 v128) (local $v23 v128) (local $noise2 v128) (local $wlo v128) (local $hi2 v128)
    (local.set $column (i32.add (global.get $column) (i32.shl (i32.and (local.get $c0) (global.get $rowMask)) (i32.const 2))))
    (local.set $bound (i32.add (global.get $bound) (i32.shl (local.get $c0) (i32.const 1))))
    (local.set $end4 (i32.and (local.get $n) (i32.const -4)))
    (block $done4
      (br_if $done4 (i32.eqz (local.get $end4)))
      (loop $next4
        (local.set $hv (i32x4.add (v128.load (local.get $column)) (i32x4.splat (local.get $row))))
        (local.set $hv (v128.xor (local.get $hv) (i32x4.shr_u (local.get $hv) (i32.const 16))))
        (local.set $hv (i32x4.mul (local.get $hv) (i32x4.splat (i32.const 0x7feb352d))))
        (local.set $hv (v128.xor (local.get $hv) (i32x4.shr_u (local.get $hv) (i32.const 15))))
        (local.set $hv (i32x4.mul (local.get $hv) (i32x4.splat (i32.const 0x846ca68b))))
        (local.set $hv (v128.xor (local.get $hv) (i32x4.shr_u (local.get $hv) (i32.const 16))))
        (local.set $mask (i32x4.bitmask (i32x4.ge_u (i32x4.shr_u (local.get $hv) (i32.const 16)) (v128.load16x4_u (local.get $bound)))))
        ;; The places and hashes of the lanes not below their bounds, packed at the list's end.
        (v128.store (i32.add (global.get $passIdx) (i32.shl (local.get $m) (i32.const 2)))
          (i32x4.add (v128.load (i32.add (global.get $pack) (i32.shl (local.get $mask) (i32.const 4)))) (i32x4.splat (local.get $k))))
        (v128.store (i32.add (global.get $passHash) (i32.shl (local.get $m) (i32.const 2)))
          (i8x16.swizzle (local.get $hv) (v128.load (i32.add (global.get $lanes) (i32.shl (local.get $mask) (i32.const 4))))))
        (local.set $m (i32.add (local.get $m) (i32.popcnt (local.get $mask))))
        (local.set $column (i32.add (local.get $column) (i32.const 16)))
        (local.set $bound (i32.add (local.get $bound) (i32.const 8)))
        (local.set $k (i32.add (local.get $k) (i32.const 4)))
        (br_if $next4 (i32.lt_u (local.get $k) (local.get $end4)))))
    (block $done
      (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
      (loop $next
        (local.set $h (call $mix (i32.add (local.get $row) (i32.load (local.get $column)))))
        (i32.store (i32.add (global.get $passIdx) (i32.shl (local.get $m) (i32.const 2))) (local.get $k))
        (i32.store (i32.add (global.get $passHash) (i32.shl (local.get $m) (i32.const 2))) (local.get $h))
        (local.set $m (i32.add (local.get $m) (i32.ge_u (i32.shr_u (local.get $h) (i32.const 16)) (i32.load16_u (local.get $bound)))))
        (local.set $column (i32.add (local.get $column) (i32.const 4)))
        (local.set $bound (i32.add (local.get $bound) (i32.const 2)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $next (i32.lt_u (local.get $k) (local.get $n)))))
    ;; Those not below their bounds drawn and placed, as `choose` places them: four at a time
    ;; (their appeals read lane by lane, their places moved with their lanes), then the rest.
    (local.set $appeal (i32.add (global.get $appeal) (i32.shl (local.get $c0) (i32.const 3))))
    (local.set $noise2 (f64x2.splat (local.get $noise)))
    (local.set $wlo (f64x2.splat (local.get $lo)))
    (local.set $hi2 (f64x2.splat (local.get $hi)))
    (local.set $end4 (i32.and (local.get $m) (i32.const -4)))
    (block $placed4
      (br_if $placed4 (i32.eqz (local.get $end4)))
      (loop $place4
        (local.set $hv (v128.load (i32.add (global.get $passHash) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $iv (v128.load (i32.add (global.get $passIdx) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $atv (i32x4.add (i32x4.splat (global.get $quantiles))
          (i32x4.shl (i32x4.shr_u (local.get $hv) (i32.const 21)) (i32.const 3))))
        (local.set $fv (v128.and (local.get $hv) (i32x4.splat (i32.const 0x1fffff))))
        (local.set $p0 (v128.load (i32x4.extract_lane 0 (local.get $atv))))
        (local.set $p1 (v128.load (i32x4.extract_lane 1 (local.get $atv))))
        (local.set $v01
          (f64x2.add
            (f64x2.replace_lane 1
              (f64x2.splat (f64.load (i32.add (local.get $appeal) (i32.shl (i32x4.extract_lane 0 (local.get $iv)) (i32.const 3)))))
              (f64.load (i32.add (local.get $appeal) (i32.shl (i32x4.extract_lane 1 (local.get $iv)) (i32.const 3)))))
            (f64x2.mul (local.get $noise2)
              (f64x2.add
                (local.tee $lo2 (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $p0) (local.get $p1)))
                (f64x2.mul (f64x2.mul (f64x2.convert_low_i32x4_u (local.get $fv)) (f64x2.splat (f64.const 0x1p-21)))
                  (f64x2.sub (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $p0) (local.get $p1)) (local.get $lo2)))))))
        (local.set $p0 (v128.load (i32x4.extract_lane 2 (local.get $atv))))
        (local.set $p1 (v128.load (i32x4.extract_lane 3 (local.get $atv))))
        (local.set $v23
          (f64x2.add
            (f64x2.replace_lane 1
              (f64x2.splat (f64.load (i32.add (local.get $appeal) (i32.shl (i32x4.extract_lane 2 (local.get $iv)) (i32.const 3)))))
              (f64.load (i32.add (local.get $appeal) (i32.shl (i32x4.extract_lane 3 (local.get $iv)) (i32.const 3)))))
            (f64x2.mul (local.get $noise2)
              (f64x2.add
                (local.tee $lo2 (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $p0) (local.get $p1)))
                (f64x2.mul (f64x2.mul (f64x2.convert_low_i32x4_u (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $fv) (local.get $fv))) (f64x2.splat (f64.const 0x1p-21)))
                  (f64x2.sub (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $p0) (local.get $p1)) (local.get $lo2)))))))
        (f64.store (i32.add (global.get $score) (i32.shl (i32x4.extract_lane 0 (local.get $iv)) (i32.const 3))) (f64x2.extract_lane 0 (local.get $v01)))
        (f64.store (i32.add (global.get $score) (i32.shl (i32x4.extract_lane 1 (local.get $iv)) (i32.const 3))) (f64x2.extract_lane 1 (local.get $v01)))
        (f64.store (i32.add (global.get $score) (i32.shl (i32x4.extract_lane 2 (local.get $iv)) (i32.const 3))) (f64x2.extract_lane 0 (local.get $v23)))
        (f64.store (i32.add (global.get $score) (i32.shl (i32x4.extract_lane 3 (local.get $iv)) (i32.const 3))) (f64x2.extract_lane 1 (local.get $v23)))
        (local.set $mask (i32.or
          (i64x2.bitmask (f64x2.gt (local.get $v01) (local.get $hi2)))
          (i32.shl (i64x2.bitmask (f64x2.gt (local.get $v23) (local.get $hi2))) (i32.const 2))))
        (v128.store (i32.add (global.get $kept) (i32.shl (local.get $above) (i32.const 2)))
          (i8x16.swizzle (local.get $iv) (v128.load (i32.add (global.get $lanes) (i32.shl (local.get $mask) (i32.const 4))))))
        (local.set $above (i32.add (local.get $above) (i32.popcnt (local.get $mask))))
        (local.set $mask (i32.or
          (i64x2.bitmask (v128.and (f64x2.ge (local.get $v01) (local.get $wlo)) (f64x2.le (local.get $v01) (local.get $hi2))))
          (i32.shl (i64x2.bitmask (v128.and (f64x2.ge (local.get $v23) (local.get $wlo)) (f64x2.le (local.get $v23) (local.get $hi2)))) (i32.const 2))))
        (v128.store (i32.add (global.get $inside) (i32.shl (local.get $in) (i32.const 2)))
          (i8x16.swizzle (local.get $iv) (v128.load (i32.add (global.get $lanes) (i32.shl (local.get $mask) (i32.const 4))))))
        (local.set $in (i32.add (local.get $in) (i32.popcnt (local.get $mask))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br_if $place4 (i32.lt_u (local.get $j) (local.get $end4)))))
    (block $placed
      (loop $place
        (br_if $placed (i32.ge_s (local.get $j) (local.get $m)))
        (local.set $k (i32.load (i32.add (global.get $passIdx) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $h (i32.load (i32.add (global.get $passHash) (i32.shl (local.get $j) (i32.const 2)))))
        ;; normalOf, written out.
        (local.set $at (i32.add (global.get $quantiles) (i32.shl (i32.shr_u (local.get $h) (i32.const 21)) (i32.const 3))))
        (local.set $q (f64.load (local.get $at)))
        (local.set $f (f64.mul (f64.convert_i32_u (i32.and (local.get $h) (i32.const 0x1fffff))) (f64.const 0x1p-21)))
        (local.set $v
          (f64.add
            (f64.load (i32.add (local.get $appeal) (i32.shl (local.get $k) (i32.const 3))))
            (f64.mul (local.get $noise)
              (f64.add (local.get $q) (f64.mul (local.get $f) (f64.sub (f64.load offset=8 (local.get $at)) (local.get $q)))))))
        (f64.store (i32.add (global.get $score) (i32.shl (local.get $k) (i32.const 3))) (local.get $v))
        (i32.store (i32.add (global.get $kept) (i32.shl (local.get $above) (i32.const 2))) (local.get $k))
        (local.set $above (i32.add (local.get $above) (f64.gt (local.get $v) (local.get $hi))))
        (i32.store (i32.add (global.get $inside) (i32.shl (local.get $in) (i32.const 2))) (local.get $k))
        (local.set $in (i32.add (local.get $in)
          (i32.and (f64.ge (local.get $v) (local.get $lo)) (f64.le (local.get $v) (local.get $hi)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $place)))
    (i32.store offset=4 (global.get $counts) (local.get $in))
    (i32.store (global.get $counts) (local.get $above))
    (local.get $above))

  ;; The r-th largest (r from 1) of values[0 … n): quickselect, each round splitting the
  ;; range three ways around a median-of-three pivot, as select.ts does (any exact selection
  ;; gives the same value). Each round reads one of `values` and `swap` and splits into the
  ;; other, whose part holding the r-th is where the next round reads: nothing is copied back.
  (func $select (param $n i32) (param $r i32) (result f64)
    (local $lo i32) (local $hi i32) (local $t i32) (local $g i32) (local $s i32) (local $i i32)
    (local $a f64) (local $b f64) (local $c f64) (local $pivot f64) (local $v f64)
    (local $from i32) (local $to i32) (local $was i32)
    (local.set $from (global.get $values))
    (local.set $to (global.get $swap))
    (local.set $hi (i32.sub (local.get $n) (i32.const 1)))
    (local.set $t (i32.sub (local.get $r) (i32.const 1)))
    (block $narrowed
      (loop $round
        (br_if $narrowed (i32.ge_s (local.get $lo) (local.get $hi)))
        (local.set $a (f64.load (i32.add (local.get $from) (i32.shl (local.get $lo) (i32.const 3)))))
        (local.set $b (f64.load (i32.add (local.get $from)
          (i32.shl (i32.shr_s (i32.add (local.get $lo) (local.get $hi)) (i32.const 1)) (i32.const 3)))))
        (local.set $c (f64.load (i32.add (local.get $from) (i32.shl (local.get $hi) (i32.const 3)))))
        (local.set $pivot
          (select
            (select (local.get $b) (select (local.get $c) (local.get $a) (f64.gt (local.get $a) (local.get $c))) (f64.gt (local.get $b) (local.get $c)))
            (select (local.get $a) (select (local.get $c) (local.get $b) (f64.gt (local.get $b) (local.get $c))) (f64.gt (local.get $a) (local.get $c)))
            (f64.gt (local.get $a) (local.get $b))))
        ;; Greater values to to[lo …), smaller to to(… hi], by stores that advance by 0 or 1.
        (local.set $g (local.get $lo))
        (local.set $s (local.get $hi))
        (local.set $i (local.get $lo))
        (loop $part
          (local.set $v (f64.load (i32.add (local.get $from) (i32.shl (local.get $i) (i32.const 3)))))
          (f64.store (i32.add (local.get $to) (i32.shl (local.get $g) (i32.const 3))) (local.get $v))
          (local.set $g (i32.add (local.get $g) (f64.gt (local.get $v) (local.get $pivot))))
          (f64.store (i32.add (local.get $to) (i32.shl (local.get $s) (i32.const 3))) (local.get $v))
          (local.set $s (i32.sub (local.get $s) (f64.lt (local.get $v) (local.get $pivot))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $part (i32.le_s (local.get $i) (local.get $hi))))
        ;; The r-th among the greater or the smaller: the next round reads them where they are.
        (local.set $was (local.get $from))
        (local.set $from (local.get $to))
        (local.set $to (local.get $was))
        (if (i32.lt_s (local.get $t) (local.get $g))
          (then
            (local.set $hi (i32.sub (local.get $g) (i32.const 1)))
            (br $round)))
        (if (i32.gt_s (local.get $t) (local.get $s))
          (then
            (local.set $lo (i32.add (local.get $s) (i32.const 1)))
            (br $round)))
        (return (local.get $pivot))))
    (f64.load (i32.add (local.get $from) (i32.shl (local.get $lo) (i32.const 3)))))

  ;; Applicants from, from+1, … to-1, each as chooseApplications treats one: returns the
  ;; first applicant left to the JavaScript (special), or `to`. `half` is the window's half
  ;; width. `settled`: 1 once the guesses are fixed (they are then left as they are);
  ;; `bounded`: 1 to draw by chooseBounded, on the bounds written for those guesses.
  (func (export "chooseFrom")
    (param $from i32) (param $to i32) (param $key i32) (param $noise f64) (param $half f64) (param $settled i32) (param $bounded i32)
    (result i32)
    (local $a i32) (local $c0 i32) (local $n i32) (local $out0 i32) (local $take i32)
    (local $row i32) (local $guess f64) (local $threshold f64) (local $above i32) (local $in i32)
    (local $j i32) (local $k i32) (local $i i32) (local $kept i32) (local $v f64)
    (local $at i32) (local $mustEnd i32) (local $ties i32) (local $tied i32)
    (local.set $a (local.get $from))
    (block $stop
      (loop $next
        (br_if $stop (i32.ge_u (local.get $a) (local.get $to)))
        (br_if $stop (i32.load8_u (i32.add (global.get $special) (local.get $a))))
        (local.set $at (i32.add (global.get $candOff) (i32.shl (local.get $a) (i32.const 2))))
        (local.set $c0 (i32.load (local.get $at)))
        (local.set $n (i32.sub (i32.load offset=4 (local.get $at)) (local.get $c0)))
        (local.set $at (i32.add (global.get $appOff) (i32.shl (local.get $a) (i32.const 2))))
        (local.set $out0 (i32.load (local.get $at)))
        (local.set $take (i32.sub (i32.load offset=4 (local.get $at)) (local.get $out0)))
        ;; rowKey(key, applicantKey[a]) of rng/streams.ts: hash2(key, applicant, 0x3fffffff).
        (local.set $row (call $mix (i32.xor
          (call $mix (i32.xor (local.get $key)
            (i32.mul (i32.add (i32.load (i32.add (global.get $applicantKey) (i32.shl (local.get $a) (i32.const 2)))) (i32.const 1))
              (i32.const 0x9e3779b1))))
          (i32.mul (i32.const 0x40000000) (i32.const 0x85ebca77)))))
        (local.set $guess (f64.load (i32.add (global.get $cutoff) (i32.shl (local.get $a) (i32.const 3)))))
        (if (local.get $bounded)
          (then
            (local.set $above (call $chooseBounded (local.get $c0) (local.get $n) (local.get $row) (local.get $noise)
              (f64.sub (local.get $guess) (local.get $half)) (f64.add (local.get $guess) (local.get $half))))
            (local.set $in (i32.load offset=4 (global.get $counts)))
            ;; A miss needs every score: drawn as before the window settled.
            (if (i32.eqz (i32.and (i32.lt_s (local.get $above) (local.get $take))
                  (i32.ge_s (i32.add (local.get $above) (local.get $in)) (local.get $take))))
              (then
                (drop (call $choose (local.get $c0) (local.get $n) (local.get $row) (local.get $noise)
                  (f64.sub (local.get $guess) (local.get $half)) (f64.add (local.get $guess) (local.get $half)))))))
          (else
            (local.set $above (call $choose (local.get $c0) (local.get $n) (local.get $row) (local.get $noise)
              (f64.sub (local.get $guess) (local.get $half)) (f64.add (local.get $guess) (local.get $half))))
            (local.set $in (i32.load offset=4 (global.get $counts)))))
        (if (i32.and (i32.lt_s (local.get $above) (local.get $take))
              (i32.ge_s (i32.add (local.get $above) (local.get $in)) (local.get $take)))
          (then
            ;; The cutoff among the scores inside the window, and the next trial's guess.
            (local.set $j (i32.const 0))
            (loop $copy
              (f64.store (i32.add (global.get $values) (i32.shl (local.get $j) (i32.const 3)))
                (f64.load (i32.add (global.get $score)
                  (i32.shl (i32.load (i32.add (global.get $inside) (i32.shl (local.get $j) (i32.const 2)))) (i32.const 3)))))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br_if $copy (i32.lt_s (local.get $j) (local.get $in))))
            (local.set $threshold (call $select (local.get $in) (i32.sub (local.get $take) (local.get $above))))
            (if (i32.eqz (local.get $settled))
              (then
                (f64.store (i32.add (global.get $cutoff) (i32.shl (local.get $a) (i32.const 3)))
                  (f64.add (local.get $guess) (f64.mul (f64.const 0.25) (f64.sub (local.get $threshold) (local.get $guess)))))))
            ;; Those above the window, then those inside it above the cutoff, then as many equal
            ;; to it as there is room for. The cutoff is one of the scores: where no other
            ;; equals it (`ties` counts them, `tied` is the last), it is the one place left.
            (local.set $kept (local.get $above))
            (local.set $ties (i32.const 0))
            (local.set $j (i32.const 0))
            (loop $over
              (local.set $k (i32.load (i32.add (global.get $inside) (i32.shl (local.get $j) (i32.const 2)))))
              (local.set $v (f64.load (i32.add (global.get $score) (i32.shl (local.get $k) (i32.const 3)))))
              (i32.store (i32.add (global.get $kept) (i32.shl (local.get $kept) (i32.const 2))) (local.get $k))
              (local.set $kept (i32.add (local.get $kept) (f64.gt (local.get $v) (local.get $threshold))))
              (local.set $tied (select (local.get $k) (local.get $tied) (f64.eq (local.get $v) (local.get $threshold))))
              (local.set $ties (i32.add (local.get $ties) (f64.eq (local.get $v) (local.get $threshold))))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br_if $over (i32.lt_s (local.get $j) (local.get $in))))
            (if (i32.and (i32.eq (local.get $ties) (i32.const 1)) (i32.lt_s (local.get $kept) (local.get $take)))
              (then
                (i32.store (i32.add (global.get $kept) (i32.shl (local.get $kept) (i32.const 2))) (local.get $tied))
                (local.set $kept (i32.add (local.get $kept) (i32.const 1)))))
            (local.set $j (select (local.get $in) (i32.const 0) (i32.eq (local.get $ties) (i32.const 1))))
            (block $full
              (loop $equal
                (br_if $full (i32.ge_s (local.get $j) (local.get $in)))
                (br_if $full (i32.ge_s (local.get $kept) (local.get $take)))
                (local.set $k (i32.load (i32.add (global.get $inside) (i32.shl (local.get $j) (i32.const 2)))))
                (if (f64.eq (f64.load (i32.add (global.get $score) (i32.shl (local.get $k) (i32.const 3)))) (local.get $threshold))
                  (then
                    (i32.store (i32.add (global.get $kept) (i32.shl (local.get $kept) (i32.const 2))) (local.get $k))
                    (local.set $kept (i32.add (local.get $kept) (i32.const 1)))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $equal))))
          (else
            ;; A window that misses the cutoff (or none yet): the cutoff among all the scores,
            ;; and those kept in candidate order: above it, then as many equal to it as fit.
            (local.set $j (i32.const 0))
            (loop $copyAll
              (f64.store (i32.add (global.get $values) (i32.shl (local.get $j) (i32.const 3)))
                (f64.load (i32.add (global.get $score) (i32.shl (local.get $j) (i32.const 3)))))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br_if $copyAll (i32.lt_s (local.get $j) (local.get $n))))
            (local.set $threshold (call $select (local.get $n) (local.get $take)))
            (if (i32.eqz (local.get $settled))
              (then
                (f64.store (i32.add (global.get $cutoff) (i32.shl (local.get $a) (i32.const 3)))
                  (select (local.get $threshold)
                    (f64.add (local.get $guess) (f64.mul (f64.const 0.25) (f64.sub (local.get $threshold) (local.get $guess))))
                    (f64.ne (local.get $guess) (local.get $guess))))))
            (local.set $ties (local.get $take))
            (local.set $j (i32.const 0))
            (loop $count
              (local.set $ties (i32.sub (local.get $ties)
                (f64.gt (f64.load (i32.add (global.get $score) (i32.shl (local.get $j) (i32.const 3)))) (local.get $threshold))))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br_if $count (i32.lt_s (local.get $j) (local.get $n))))
            (local.set $kept (i32.const 0))
            (local.set $j (i32.const 0))
            (block $all
              (loop $keep
                (br_if $all (i32.ge_s (local.get $j) (local.get $n)))
                (br_if $all (i32.ge_s (local.get $kept) (local.get $take)))
                (local.set $v (f64.load (i32.add (global.get $score) (i32.shl (local.get $j) (i32.const 3)))))
                (if (f64.gt (local.get $v) (local.get $threshold))
                  (then
                    (i32.store (i32.add (global.get $kept) (i32.shl (local.get $kept) (i32.const 2))) (local.get $j))
                    (local.set $kept (i32.add (local.get $kept) (i32.const 1))))
                  (else
                    (if (f64.eq (local.get $v) (local.get $threshold))
                      (then
                        (if (i32.gt_s (local.get $ties) (i32.const 0))
                          (then
                            (i32.store (i32.add (global.get $kept) (i32.shl (local.get $kept) (i32.const 2))) (local.get $j))
                            (local.set $kept (i32.add (local.get $kept) (i32.const 1)))))
                        (local.set $ties (i32.sub (local.get $ties) (i32.const 1)))))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $keep)))))
        ;; Entry out0 + i is the i-th kept candidate.
        (local.set $i (i32.const 0))
        (block $written
          (loop $write
            (br_if $written (i32.ge_s (local.get $i) (local.get $kept)))
            (local.set $k (i32.load (i32.add (global.get $kept) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $at (i32.add (local.get $out0) (local.get $i)))
            (i32.store (i32.add (global.get $appProgram) (i32.shl (local.get $at) (i32.const 2)))
              (i32.load (i32.add (global.get $program) (i32.shl (i32.add (i32.and (local.get $c0) (global.get $rowMask)) (local.get $k)) (i32.const 2)))))
            (f64.store (i32.add (global.get $entryBonus) (i32.shl (local.get $at) (i32.const 3))) (f64.const 0))
            (f64.store (i32.add (global.get $appPref) (i32.shl (local.get $at) (i32.const 3)))
              (f64.load (i32.add (global.get $score) (i32.shl (local.get $k) (i32.const 3)))))
            (i32.store (i32.add (global.get $entryOf) (i32.shl (local.get $k) (i32.const 2))) (local.get $i))
            (i32.store (i32.add (global.get $entryPlace) (i32.shl (local.get $at) (i32.const 2))) (i32.add (local.get $c0) (local.get $k)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $write)))
        ;; The must-apply candidates kept (all, by their boost): their screening bonus, and
        ;; the preference drawn again without the boost.
        (local.set $at (i32.add (global.get $mustOff) (i32.shl (local.get $a) (i32.const 2))))
        (local.set $j (i32.load (local.get $at)))
        (local.set $mustEnd (i32.load offset=4 (local.get $at)))
        (block $musts
          (loop $must
            (br_if $musts (i32.ge_s (local.get $j) (local.get $mustEnd)))
            (local.set $k (i32.load (i32.add (global.get $mustPlace) (i32.shl (local.get $j) (i32.const 2)))))
            (local.set $i (i32.load (i32.add (global.get $entryOf) (i32.shl (local.get $k) (i32.const 2)))))
            (if (i32.and
                  (i32.lt_u (local.get $i) (local.get $kept))
                  (i32.eq (i32.load (i32.add (global.get $kept) (i32.shl (local.get $i) (i32.const 2)))) (local.get $k)))
              (then
                (local.set $at (i32.add (local.get $out0) (local.get $i)))
                (f64.store (i32.add (global.get $entryBonus) (i32.shl (local.get $at) (i32.const 3)))
                  (f64.load (i32.add (global.get $mustBonus) (i32.shl (local.get $j) (i32.const 3)))))
                (f64.store (i32.add (global.get $appPref) (i32.shl (local.get $at) (i32.const 3)))
                  (f64.add
                    (f64.load (i32.add (global.get $mustAppeal) (i32.shl (local.get $j) (i32.const 3))))
                    (f64.mul (local.get $noise)
                      (call $normal (call $mix (i32.add (local.get $row)
                        (i32.load (i32.add (global.get $mustColumn) (i32.shl (local.get $j) (i32.const 2))))))))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $must)))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $next)))
    (local.get $a))

  ;; Step 2's scores, applicant by applicant in entry order: paper + bonus + noise × normal
  ;; (pairNormal(pairRow(key, applicant), program) of rng/streams.ts), each placed against
  ;; its program's window: above it is marked invited and counted; inside it is staged,
  ;; then filed under its program in entry order. Returns how many were staged. `bounded`:
  ;; 1 once the windows are settled and screenBound written for them.
  (func (export "screen") (param $nA i32) (param $key i32) (param $noise f64) (param $bounded i32) (result i32)
    (local $a i32) (local $k i32) (local $to i32) (local $row i32) (local $pa f64)
    (local $q i32) (local $v f64) (local $up i32) (local $count i32) (local $w i32)
    (local $i i32) (local $slot i32) (local $h i32) (local $at i32) (local $lo f64)
    (block $drawn
      (loop $applicant
        (br_if $drawn (i32.ge_u (local.get $a) (local.get $nA)))
        (local.set $pa (f64.load (i32.add (global.get $paper) (i32.shl (local.get $a) (i32.const 3)))))
        (local.set $row (call $mix (i32.xor (local.get $key)
          (i32.mul (i32.add (i32.load (i32.add (global.get $applicantKey) (i32.shl (local.get $a) (i32.const 2)))) (i32.const 1))
            (i32.const 0x9e3779b1)))))
        (local.set $w (i32.add (global.get $appOff) (i32.shl (local.get $a) (i32.const 2))))
        (local.set $k (i32.load (local.get $w)))
        (local.set $to (i32.load offset=4 (local.get $w)))
        (if (local.get $bounded)
          (then
            (local.set $count (call $screenBounded (local.get $k) (local.get $to) (local.get $row) (local.get $pa) (local.get $noise) (local.get $count)))
            (local.set $k (local.get $to))))
        (block $next
          (loop $entry
            (br_if $next (i32.ge_s (local.get $k) (local.get $to)))
            (local.set $q (i32.load (i32.add (global.get $appProgram) (i32.shl (local.get $k) (i32.const 2)))))
            ;; mix and normalOf written out: this engine does not inline the calls.
            (local.set $h (i32.xor (local.get $row)
              (i32.mul (i32.add (i32.load (i32.add (global.get $programKey) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 1))
                (i32.const 0x85ebca77))))
            (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))
            (local.set $h (i32.mul (local.get $h) (i32.const 0x7feb352d)))
            (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))))
            (local.set $h (i32.mul (local.get $h) (i32.const 0x846ca68b)))
            (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))
            (local.set $at (i32.add (global.get $quantiles) (i32.shl (i32.shr_u (local.get $h) (i32.const 21)) (i32.const 3))))
            (local.set $lo (f64.load (local.get $at)))
            (local.set $v
              (f64.add
                (f64.add (local.get $pa) (f64.load (i32.add (global.get $entryBonus) (i32.shl (local.get $k) (i32.const 3)))))
                (f64.mul (local.get $noise)
                  (f64.add (local.get $lo)
                    (f64.mul
                      (f64.mul (f64.convert_i32_u (i32.and (local.get $h) (i32.const 0x1fffff))) (f64.const 0x1p-21))
                      (f64.sub (f64.load offset=8 (local.get $at)) (local.get $lo)))))))
            (f64.store (i32.add (global.get $screenScore) (i32.shl (local.get $k) (i32.const 3))) (local.get $v))
            (local.set $w (i32.add (global.get $window) (i32.shl (local.get $q) (i32.const 4))))
            (local.set $up (f64.gt (local.get $v) (f64.load offset=8 (local.get $w))))
            (i32.store8 (i32.add (global.get $invited) (local.get $k)) (local.get $up))
            (local.set $w (i32.add (global.get $tally) (i32.shl (local.get $q) (i32.const 3))))
            (i32.store (local.get $w) (i32.add (i32.load (local.get $w)) (local.get $up)))
            (i32.store (i32.add (global.get $staged) (i32.shl (local.get $count) (i32.const 2))) (local.get $k))
            (local.set $count (i32.add (local.get $count)
              (i32.and
                (f64.ge (local.get $v) (f64.load (i32.add (global.get $window) (i32.shl (local.get $q) (i32.const 4)))))
                (i32.xor (local.get $up) (i32.const 1)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $entry)))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $applicant)))
    ;; Each staged entry filed at its program's next place, in entry order.
    (block $filed
      (loop $file
        (br_if $filed (i32.ge_s (local.get $i) (local.get $count)))
        (local.set $k (i32.load (i32.add (global.get $staged) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $w (i32.add (global.get $tally)
          (i32.shl (i32.load (i32.add (global.get $appProgram) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 3))))
        (local.set $slot (i32.load offset=4 (local.get $w)))
        (i32.store offset=4 (local.get $w) (i32.add (local.get $slot) (i32.const 1)))
        (i32.store (i32.add (global.get $byProgram) (i32.shl (local.get $slot) (i32.const 2))) (local.get $k))
        (f64.store (i32.add (global.get $filedScore) (i32.shl (local.get $slot) (i32.const 3)))
          (f64.load (i32.add (global.get $screenScore) (i32.shl (local.get $k) (i32.const 3)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $file)))
    (local.get $count))

  ;; Every application of program q, whose window missed, filed afresh at the program's
  ;; places (from its tally's next place) in entry order, as fileMissed in ../screening.ts
  ;; files them; an entry left undrawn (NaN) is drawn first, as screenScoreOf draws it. The
  ;; entries are scanned eight at a time for q's number: a program has a few hundred of the
  ;; season's tens of thousands.
  (func (export "fileProgram") (param $q i32) (param $total i32) (param $key i32) (param $noise f64)
    (local $k i32) (local $end8 i32) (local $qv v128) (local $at i32)
    (local.set $qv (i32x4.splat (local.get $q)))
    (local.set $end8 (i32.and (local.get $total) (i32.const -8)))
    (block $scanned
      (loop $scan
        (br_if $scanned (i32.ge_u (local.get $k) (local.get $end8)))
        (local.set $at (i32.add (global.get $appProgram) (i32.shl (local.get $k) (i32.const 2))))
        (if (v128.any_true (v128.or
              (i32x4.eq (v128.load (local.get $at)) (local.get $qv))
              (i32x4.eq (v128.load offset=16 (local.get $at)) (local.get $qv))))
          (then (call $fileEntries (local.get $q) (local.get $k) (i32.add (local.get $k) (i32.const 8)) (local.get $key) (local.get $noise))))
        (local.set $k (i32.add (local.get $k) (i32.const 8)))
        (br $scan)))
    (call $fileEntries (local.get $q) (local.get $k) (local.get $total) (local.get $key) (local.get $noise)))

  ;; Program q's entries among k … to-1, filed (see fileProgram).
  (func $fileEntries (param $q i32) (param $k i32) (param $to i32) (param $key i32) (param $noise f64)
    (local $a i32) (local $v f64) (local $w i32) (local $slot i32)
    (block $done
      (loop $entry
        (br_if $done (i32.ge_u (local.get $k) (local.get $to)))
        (if (i32.eq (i32.load (i32.add (global.get $appProgram) (i32.shl (local.get $k) (i32.const 2)))) (local.get $q))
          (then
            (local.set $v (f64.load (i32.add (global.get $screenScore) (i32.shl (local.get $k) (i32.const 3)))))
            (if (f64.ne (local.get $v) (local.get $v))
              (then
                ;; paper + bonus + noise × pairNormal(pairRow(key, applicantKey[a]), programKey[q])
                (local.set $a (i32.load (i32.add (global.get $entryApplicant) (i32.shl (local.get $k) (i32.const 2)))))
                (local.set $v
                  (f64.add
                    (f64.add
                      (f64.load (i32.add (global.get $paper) (i32.shl (local.get $a) (i32.const 3))))
                      (f64.load (i32.add (global.get $entryBonus) (i32.shl (local.get $k) (i32.const 3)))))
                    (f64.mul (local.get $noise)
                      (call $normal (call $mix (i32.xor
                        (call $mix (i32.xor (local.get $key)
                          (i32.mul (i32.add (i32.load (i32.add (global.get $applicantKey) (i32.shl (local.get $a) (i32.const 2)))) (i32.const 1))
                            (i32.const 0x9e3779b1))))
                        (i32.mul (i32.add (i32.load (i32.add (global.get $programKey) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 1))
                          (i32.const 0x85ebca77))))))))
                (f64.store (i32.add (global.get $screenScore) (i32.shl (local.get $k) (i32.const 3))) (local.get $v))))
            (local.set $w (i32.add (global.get $tally) (i32.shl (local.get $q) (i32.const 3))))
            (local.set $slot (i32.load offset=4 (local.get $w)))
            (i32.store offset=4 (local.get $w) (i32.add (local.get $slot) (i32.const 1)))
            (i32.store (i32.add (global.get $byProgram) (i32.shl (local.get $slot) (i32.const 2))) (local.get $k))
            (f64.store (i32.add (global.get $filedScore) (i32.shl (local.get $slot) (i32.const 3))) (local.get $v))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $entry))))

  ;; `screen` for one applicant's entries k0 … to-1 once the windows are settled: a hash
  ;; whose top 16 bits are below its candidate's bound scores below its program's window, so
  ;; the hashes are worked out four at a time and compared with their bounds first; the
  ;; entries below are left undrawn (NaN, drawn where a later step needs them after all) and
  ;; not invited, and only the others are drawn and placed, as `screen` places them. Returns
  ;; the count of staged entries, from `count`.
  (func $screenBounded
    (param $k0 i32) (param $to i32) (param $row i32) (param $pa f64) (param $noise f64) (param $count i32)
    (result i32)
    (local $k i32) (local $end4 i32) (local $m i32) (local $j i32) (local $h i32) (local $q i32)
    (local $hv v128) (local $qv v128) (local $pv v128) (local $mask i32) (local $at i32)
    (local $v f64) (local $lo f64) (local $up i32) (local $w i32)
    (local.set $k (local.get $k0))
    (local.set $end4 (i32.add (local.get $k0) (i32.and (i32.sub (local.get $to) (local.get $k0)) (i32.const -4))))
    (block $done4
      (br_if $done4 (i32.ge_u (local.get $k) (local.get $end4)))
      (loop $next4
        ;; pairHash(row, programKey[q]) of four entries: the keys read lane by lane.
        (local.set $qv (v128.load (i32.add (global.get $appProgram) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $hv
          (i32x4.replace_lane 3
            (i32x4.replace_lane 2
              (i32x4.replace_lane 1
                (i32x4.splat (i32.load (i32.add (global.get $programKey) (i32.shl (i32x4.extract_lane 0 (local.get $qv)) (i32.const 2)))))
                (i32.load (i32.add (global.get $programKey) (i32.shl (i32x4.extract_lane 1 (local.get $qv)) (i32.const 2)))))
              (i32.load (i32.add (global.get $programKey) (i32.shl (i32x4.extract_lane 2 (local.get $qv)) (i32.const 2)))))
            (i32.load (i32.add (global.get $programKey) (i32.shl (i32x4.extract_lane 3 (local.get $qv)) (i32.const 2))))))
        (local.set $hv (v128.xor (i32x4.splat (local.get $row))
          (i32x4.mul (i32x4.add (local.get $hv) (i32x4.splat (i32.const 1))) (i32x4.splat (i32.const 0x85ebca77)))))
        (local.set $hv (v128.xor (local.get $hv) (i32x4.shr_u (local.get $hv) (i32.const 16))))
        (local.set $hv (i32x4.mul (local.get $hv) (i32x4.splat (i32.const 0x7feb352d))))
        (local.set $hv (v128.xor (local.get $hv) (i32x4.shr_u (local.get $hv) (i32.const 15))))
        (local.set $hv (i32x4.mul (local.get $hv) (i32x4.splat (i32.const 0x846ca68b))))
        (local.set $hv (v128.xor (local.get $hv) (i32x4.shr_u (local.get $hv) (i32.const 16))))
        ;; Their candidates' bounds, lane by lane.
        (local.set $pv (v128.load (i32.add (global.get $entryPlace) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $mask (i32x4.bitmask (i32x4.ge_u (i32x4.shr_u (local.get $hv) (i32.const 16))
          (i32x4.replace_lane 3
            (i32x4.replace_lane 2
              (i32x4.replace_lane 1
                (i32x4.splat (i32.load16_u (i32.add (global.get $screenBound) (i32.shl (i32x4.extract_lane 0 (local.get $pv)) (i32.const 1)))))
                (i32.load16_u (i32.add (global.get $screenBound) (i32.shl (i32x4.extract_lane 1 (local.get $pv)) (i32.const 1)))))
              (i32.load16_u (i32.add (global.get $screenBound) (i32.shl (i32x4.extract_lane 2 (local.get $pv)) (i32.const 1)))))
            (i32.load16_u (i32.add (global.get $screenBound) (i32.shl (i32x4.extract_lane 3 (local.get $pv)) (i32.const 1))))))))
        (v128.store (i32.add (global.get $passIdx) (i32.shl (local.get $m) (i32.const 2)))
          (i32x4.add (v128.load (i32.add (global.get $pack) (i32.shl (local.get $mask) (i32.const 4)))) (i32x4.splat (local.get $k))))
        (v128.store (i32.add (global.get $passHash) (i32.shl (local.get $m) (i32.const 2)))
          (i8x16.swizzle (local.get $hv) (v128.load (i32.add (global.get $lanes) (i32.shl (local.get $mask) (i32.const 4))))))
        (local.set $m (i32.add (local.get $m) (i32.popcnt (local.get $mask))))
        ;; All four undrawn and not invited until drawn below.
        (local.set $at (i32.add (global.get $screenScore) (i32.shl (local.get $k) (i32.const 3))))
        (v128.store (local.get $at) (f64x2.splat (f64.const nan)))
        (v128.store offset=16 (local.get $at) (f64x2.splat (f64.const nan)))
        (i32.store (i32.add (global.get $invited) (local.get $k)) (i32.const 0))
        (local.set $k (i32.add (local.get $k) (i32.const 4)))
        (br_if $next4 (i32.lt_u (local.get $k) (local.get $end4)))))
    (block $done
      (br_if $done (i32.ge_u (local.get $k) (local.get $to)))
      (loop $next
        (local.set $h (call $mix (i32.xor (local.get $row)
          (i32.mul (i32.add (i32.load (i32.add (global.get $programKey)
            (i32.shl (i32.load (i32.add (global.get $appProgram) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 2)))) (i32.const 1))
            (i32.const 0x85ebca77)))))
        (i32.store (i32.add (global.get $passIdx) (i32.shl (local.get $m) (i32.const 2))) (local.get $k))
        (i32.store (i32.add (global.get $passHash) (i32.shl (local.get $m) (i32.const 2))) (local.get $h))
        (local.set $m (i32.add (local.get $m) (i32.ge_u (i32.shr_u (local.get $h) (i32.const 16))
          (i32.load16_u (i32.add (global.get $screenBound)
            (i32.shl (i32.load (i32.add (global.get $entryPlace) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 1)))))))
        (f64.store (i32.add (global.get $screenScore) (i32.shl (local.get $k) (i32.const 3))) (f64.const nan))
        (i32.store8 (i32.add (global.get $invited) (local.get $k)) (i32.const 0))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $next (i32.lt_u (local.get $k) (local.get $to)))))
    ;; Those not below their bounds, drawn and placed.
    (block $placed
      (loop $place
        (br_if $placed (i32.ge_s (local.get $j) (local.get $m)))
        (local.set $k (i32.load (i32.add (global.get $passIdx) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $h (i32.load (i32.add (global.get $passHash) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $q (i32.load (i32.add (global.get $appProgram) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $at (i32.add (global.get $quantiles) (i32.shl (i32.shr_u (local.get $h) (i32.const 21)) (i32.const 3))))
        (local.set $lo (f64.load (local.get $at)))
        (local.set $v
          (f64.add
            (f64.add (local.get $pa) (f64.load (i32.add (global.get $entryBonus) (i32.shl (local.get $k) (i32.const 3)))))
            (f64.mul (local.get $noise)
              (f64.add (local.get $lo)
                (f64.mul
                  (f64.mul (f64.convert_i32_u (i32.and (local.get $h) (i32.const 0x1fffff))) (f64.const 0x1p-21))
                  (f64.sub (f64.load offset=8 (local.get $at)) (local.get $lo)))))))
        (f64.store (i32.add (global.get $screenScore) (i32.shl (local.get $k) (i32.const 3))) (local.get $v))
        (local.set $w (i32.add (global.get $window) (i32.shl (local.get $q) (i32.const 4))))
        (local.set $up (f64.gt (local.get $v) (f64.load offset=8 (local.get $w))))
        (i32.store8 (i32.add (global.get $invited) (local.get $k)) (local.get $up))
        (local.set $w (i32.add (global.get $tally) (i32.shl (local.get $q) (i32.const 3))))
        (i32.store (local.get $w) (i32.add (i32.load (local.get $w)) (local.get $up)))
        (i32.store (i32.add (global.get $staged) (i32.shl (local.get $count) (i32.const 2))) (local.get $k))
        (local.set $count (i32.add (local.get $count)
          (i32.and
            (f64.ge (local.get $v) (f64.load (i32.add (global.get $window) (i32.shl (local.get $q) (i32.const 4)))))
            (i32.xor (local.get $up) (i32.const 1)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $place)))
    (local.get $count))

  ;; Applicants from, from+1, … to-1 of the world without calls, as attendAs treats one in
  ;; a market without fixed lists: returns the first applicant left to the JavaScript (one
  ;; with a list of their own), or `to`. key: the trial's interview stream.
  (func (export "attendFrom")
    (param $from i32) (param $to i32) (param $key i32) (param $noise f64) (param $weight f64)
    (result i32)
    (local $a i32) (local $k i32) (local $end i32) (local $n i32) (local $i i32) (local $j i32)
    (local $v i32) (local $kv f64) (local $ku f64) (local $at i32) (local $row i32) (local $h i32)
    (local $max i32) (local $out i32) (local $ranked i32) (local $q i32) (local $slot i32)
    (local $lo f64) (local $paperPart f64) (local $flagPart f64) (local $quality f64) (local $counted i32)
    (local $inOrder i32)
    (local.set $a (local.get $from))
    (block $stop
      (loop $next
        (br_if $stop (i32.ge_u (local.get $a) (local.get $to)))
        (br_if $stop (i32.load8_u (i32.add (global.get $ownList) (local.get $a))))
        ;; The invitations, gathered without a branch per entry.
        (local.set $at (i32.add (global.get $appOff) (i32.shl (local.get $a) (i32.const 2))))
        (local.set $k (i32.load (local.get $at)))
        (local.set $end (i32.load offset=4 (local.get $at)))
        (local.set $n (i32.const 0))
        (block $gathered
          (loop $gather
            (br_if $gathered (i32.ge_s (local.get $k) (local.get $end)))
            (i32.store (i32.add (global.get $order) (i32.shl (local.get $n) (i32.const 2))) (local.get $k))
            (local.set $n (i32.add (local.get $n) (i32.load8_u (i32.add (global.get $invited) (local.get $k)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $gather)))
        (local.set $max (i32.load (i32.add (global.get $maxInterviews) (i32.shl (local.get $a) (i32.const 2)))))
        ;; In order of preference, most preferred first (of equals, the earlier entry):
        ;; by countOrder, into `sorted`; where it cannot order them, an insertion sort as
        ;; sortPairsDescending, in `order`, of the first maxInterviews places (the rest are
        ;; never read: most of a long list's invitations are then turned away by one
        ;; comparison, where a whole sort shifted each past half the list).
        (local.set $i (i32.const 0))
        (block $keyed
          (loop $key
            (br_if $keyed (i32.ge_s (local.get $i) (local.get $n)))
            (f64.store (i32.add (global.get $orderKey) (i32.shl (local.get $i) (i32.const 3)))
              (f64.load (i32.add (global.get $appPref)
                (i32.shl (i32.load (i32.add (global.get $order) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 3)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $key)))
        ;; Invitations already in order (as where preferences are given, and entries written
        ;; in their order) need neither: that is checked first, in one pass without a
        ;; branch. Past 32 invitations, the bounded insertion sort, whose cost grows with
        ;; the invitations times the few attended, costs less than counting (n² / 4 steps).
        (local.set $inOrder (i32.const 1))
        (local.set $i (i32.const 1))
        (block $checked
          (loop $check
            (br_if $checked (i32.ge_s (local.get $i) (local.get $n)))
            (local.set $inOrder (i32.and (local.get $inOrder)
              (f64.ge (f64.load (i32.add (global.get $orderKey) (i32.shl (i32.sub (local.get $i) (i32.const 1)) (i32.const 3))))
                (f64.load (i32.add (global.get $orderKey) (i32.shl (local.get $i) (i32.const 3)))))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $check)))
        (local.set $counted (i32.const 0))
        (if (i32.and (i32.eqz (local.get $inOrder)) (i32.le_s (local.get $n) (i32.const 32)))
          (then (local.set $counted (call $countOrder (global.get $orderKey) (local.get $n) (global.get $sorted)))))
        (if (i32.eqz (i32.or (local.get $counted) (local.get $inOrder)))
          (then
            (local.set $i (i32.const 1))
            (block $sorted
              (loop $insert
                (br_if $sorted (i32.ge_s (local.get $i) (local.get $n)))
                (local.set $v (i32.load (i32.add (global.get $order) (i32.shl (local.get $i) (i32.const 2)))))
                (local.set $kv (f64.load (i32.add (global.get $orderKey) (i32.shl (local.get $i) (i32.const 3)))))
                ;; Only the first maxInterviews places are read: an invitation is placed among
                ;; them, or (not ahead of the last of them) at the place past them, unread.
                (local.set $j (i32.sub (select (local.get $i) (local.get $max) (i32.lt_s (local.get $i) (local.get $max))) (i32.const 1)))
                (block $placed
                  (loop $shift
                    (br_if $placed (i32.lt_s (local.get $j) (i32.const 0)))
                    (local.set $ku (f64.load (i32.add (global.get $orderKey) (i32.shl (local.get $j) (i32.const 3)))))
                    (br_if $placed (f64.gt (local.get $ku) (local.get $kv)))
                    (br_if $placed (i32.and (f64.eq (local.get $ku) (local.get $kv))
                      (i32.lt_s (i32.load (i32.add (global.get $order) (i32.shl (local.get $j) (i32.const 2)))) (local.get $v))))
                    (i32.store offset=4 (i32.add (global.get $order) (i32.shl (local.get $j) (i32.const 2)))
                      (i32.load (i32.add (global.get $order) (i32.shl (local.get $j) (i32.const 2)))))
                    (f64.store offset=8 (i32.add (global.get $orderKey) (i32.shl (local.get $j) (i32.const 3))) (local.get $ku))
                    (local.set $j (i32.sub (local.get $j) (i32.const 1)))
                    (br $shift)))
                (i32.store offset=4 (i32.add (global.get $order) (i32.shl (local.get $j) (i32.const 2))) (local.get $v))
                (f64.store offset=8 (i32.add (global.get $orderKey) (i32.shl (local.get $j) (i32.const 3))) (local.get $kv))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $insert)))))
        ;; The first maxInterviews attended, listed, and filed under their programs.
        (local.set $out (i32.load (i32.add (global.get $aListOff) (i32.shl (local.get $a) (i32.const 2)))))
        (local.set $row (call $mix (i32.xor (local.get $key)
          (i32.mul (i32.add (i32.load (i32.add (global.get $applicantKey) (i32.shl (local.get $a) (i32.const 2)))) (i32.const 1))
            (i32.const 0x9e3779b1)))))
        (local.set $paperPart (f64.load (i32.add (global.get $paperPart) (i32.shl (local.get $a) (i32.const 3)))))
        (local.set $flagPart (f64.load (i32.add (global.get $flagPart) (i32.shl (local.get $a) (i32.const 3)))))
        (local.set $quality (f64.load (i32.add (global.get $quality) (i32.shl (local.get $a) (i32.const 3)))))
        (if (i32.lt_s (local.get $max) (local.get $n)) (then (local.set $n (local.get $max))))
        (local.set $ranked (i32.const 0))
        (block $attended
          (loop $attend
            (br_if $attended (i32.ge_s (local.get $ranked) (local.get $n)))
            (local.set $k (i32.load (i32.add (global.get $order) (i32.shl
              (select (i32.load (i32.add (global.get $sorted) (i32.shl (local.get $ranked) (i32.const 2)))) (local.get $ranked) (local.get $counted))
              (i32.const 2)))))
            (local.set $q (i32.load (i32.add (global.get $appProgram) (i32.shl (local.get $k) (i32.const 2)))))
            (i32.store8 (i32.add (global.get $interviewed) (local.get $k)) (i32.const 1))
            (local.set $at (i32.shl (i32.add (local.get $out) (local.get $ranked)) (i32.const 2)))
            (i32.store (i32.add (global.get $aEntry) (local.get $at)) (local.get $k))
            (i32.store (i32.add (global.get $aList) (local.get $at)) (local.get $q))
            (local.set $at (i32.add (global.get $intervieweeCount) (i32.shl (local.get $q) (i32.const 2))))
            (local.set $slot (i32.add (i32.load (i32.add (global.get $programStart) (i32.shl (local.get $q) (i32.const 2))))
              (i32.load (local.get $at))))
            (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (i32.const 1)))
            (i32.store (i32.add (global.get $interviewees) (i32.shl (local.get $slot) (i32.const 2))) (local.get $k))
            (i32.store (i32.add (global.get $intervieweeApplicant) (i32.shl (local.get $slot) (i32.const 2))) (local.get $a))
            ;; paperPart + weight × (quality + noise × pairNormal(row, programKey[q])) - flagPart
            (local.set $h (i32.xor (local.get $row)
              (i32.mul (i32.add (i32.load (i32.add (global.get $programKey) (i32.shl (local.get $q) (i32.const 2)))) (i32.const 1))
                (i32.const 0x85ebca77))))
            (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))
            (local.set $h (i32.mul (local.get $h) (i32.const 0x7feb352d)))
            (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 15))))
            (local.set $h (i32.mul (local.get $h) (i32.const 0x846ca68b)))
            (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 16))))
            (local.set $at (i32.add (global.get $quantiles) (i32.shl (i32.shr_u (local.get $h) (i32.const 21)) (i32.const 3))))
            (local.set $lo (f64.load (local.get $at)))
            (f64.store (i32.add (global.get $intervieweeKey) (i32.shl (local.get $slot) (i32.const 3)))
              (f64.sub
                (f64.add (local.get $paperPart)
                  (f64.mul (local.get $weight)
                    (f64.add (local.get $quality)
                      (f64.mul (local.get $noise)
                        (f64.add (local.get $lo)
                          (f64.mul
                            (f64.mul (f64.convert_i32_u (i32.and (local.get $h) (i32.const 0x1fffff))) (f64.const 0x1p-21))
                            (f64.sub (f64.load offset=8 (local.get $at)) (local.get $lo))))))))
                (local.get $flagPart)))
            (local.set $ranked (i32.add (local.get $ranked) (i32.const 1)))
            (br $attend)))
        (i32.store (i32.add (global.get $aLen) (i32.shl (local.get $a) (i32.const 2))) (local.get $ranked))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $next)))
    (local.get $a))

  ;; The order of keys[0 … n-1], greatest first, of equals the earlier first: out[p] is
  ;; the index of the key at place p. Each key's place is the count of the others at least
  ;; as great, four at a time without a branch (dozens of keys cost a few hundred vector
  ;; steps, where an insertion sort's comparisons were guesses the processor got wrong
  ;; about once a key). Equal keys share a place, so their places sum to more than
  ;; 0 + 1 + … + n-1. Returns 0 for keys this cannot order (equal ones, a NaN, or more
  ;; than 64, where the count grows as the square), else 1. Writes -inf at keys[n … n+2].
  (func $countOrder (param $keys i32) (param $n i32) (param $out i32) (result i32)
    (local $i i32) (local $j i32) (local $c i32) (local $sum i32) (local $kv f64) (local $nan i32)
    (local $kv2 v128) (local $acc v128) (local $acc2 v128) (local $last i32)
    (if (i32.gt_s (local.get $n) (i32.const 64)) (then (return (i32.const 0))))
    (block $checked
      (loop $check
        (br_if $checked (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $kv (f64.load (i32.add (local.get $keys) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $nan (i32.or (local.get $nan) (f64.ne (local.get $kv) (local.get $kv))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $check)))
    (if (local.get $nan) (then (return (i32.const 0))))
    ;; Keys past the last, which none reaches, for the four that run past n.
    (local.set $last (i32.add (local.get $keys) (i32.shl (local.get $n) (i32.const 3))))
    (f64.store (local.get $last) (f64.const -inf))
    (f64.store offset=8 (local.get $last) (f64.const -inf))
    (f64.store offset=16 (local.get $last) (f64.const -inf))
    (local.set $i (i32.const 0))
    (block $counted
      (loop $count
        (br_if $counted (i32.ge_s (local.get $i) (local.get $n)))
        (local.set $kv2 (v128.load64_splat (i32.add (local.get $keys) (i32.shl (local.get $i) (i32.const 3)))))
        (local.set $acc (v128.const i64x2 0 0))
        (local.set $acc2 (v128.const i64x2 0 0))
        (local.set $j (local.get $keys))
        (loop $quads
          ;; A lane that holds is all ones, -1: subtracted, it counts one.
          (local.set $acc (i64x2.sub (local.get $acc) (f64x2.ge (v128.load (local.get $j)) (local.get $kv2))))
          (local.set $acc2 (i64x2.sub (local.get $acc2) (f64x2.ge (v128.load offset=16 (local.get $j)) (local.get $kv2))))
          (local.set $j (i32.add (local.get $j) (i32.const 32)))
          (br_if $quads (i32.lt_u (local.get $j) (local.get $last))))
        ;; Those at least as great, less itself.
        (local.set $acc (i64x2.add (local.get $acc) (local.get $acc2)))
        (local.set $c (i32.sub
          (i32.wrap_i64 (i64.add (i64x2.extract_lane 0 (local.get $acc)) (i64x2.extract_lane 1 (local.get $acc))))
          (i32.const 1)))
        (i32.store (i32.add (local.get $out) (i32.shl (local.get $c) (i32.const 2))) (local.get $i))
        (local.set $sum (i32.add (local.get $sum) (local.get $c)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $count)))
    (i32.eq (local.get $sum) (i32.shr_u (i32.mul (local.get $n) (i32.sub (local.get $n) (i32.const 1))) (i32.const 1))))

  ;; Programs from, from+1, … to-1 of the world without calls, as buildRankLists treats one
  ;; without a fixed list: its interviewees sorted by score, best first (of equals, the one
  ;; filed first, as sortPairsDescending: countOrder, or an insertion sort), at pStart[q], and the next
  ;; program's list starting listRoom[q] places on. Starts at pStart[from]; returns the
  ;; first program left to the JavaScript (one with a fixed list), or `to`, with pStart of
  ;; it written.
  (func (export "rankFrom") (param $from i32) (param $to i32) (result i32)
    (local $q i32) (local $start i32) (local $base i32) (local $n i32) (local $i i32) (local $j i32)
    (local $v i32) (local $kv f64) (local $ku f64) (local $at i32)
    (local.set $q (local.get $from))
    (local.set $start (i32.load (i32.add (global.get $pStart) (i32.shl (local.get $q) (i32.const 2)))))
    (block $stop
      (loop $next
        (i32.store (i32.add (global.get $pStart) (i32.shl (local.get $q) (i32.const 2))) (local.get $start))
        (br_if $stop (i32.ge_u (local.get $q) (local.get $to)))
        (br_if $stop (i32.load8_u (i32.add (global.get $pHasRankList) (local.get $q))))
        (local.set $base (i32.load (i32.add (global.get $programStart) (i32.shl (local.get $q) (i32.const 2)))))
        (local.set $n (i32.load (i32.add (global.get $intervieweeCount) (i32.shl (local.get $q) (i32.const 2)))))
        ;; Best score first, of equals the one filed first (countOrder), or where it cannot
        ;; order the list, an insertion sort as sortPairsDescending.
        (local.set $i (i32.const 0))
        (block $copied
          (loop $copy
            (br_if $copied (i32.ge_s (local.get $i) (local.get $n)))
            (f64.store (i32.add (global.get $rankKey) (i32.shl (local.get $i) (i32.const 3)))
              (f64.load (i32.add (global.get $intervieweeKey) (i32.shl (i32.add (local.get $base) (local.get $i)) (i32.const 3)))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $copy)))
        (if (i32.eqz (call $countOrder (global.get $rankKey) (local.get $n) (global.get $rankIdx)))
          (then
            (local.set $i (i32.const 0))
            (block $keyed
              (loop $key
                (br_if $keyed (i32.ge_s (local.get $i) (local.get $n)))
                (local.set $kv (f64.load (i32.add (global.get $intervieweeKey) (i32.shl (i32.add (local.get $base) (local.get $i)) (i32.const 3)))))
                (local.set $j (i32.sub (local.get $i) (i32.const 1)))
                ;; Placed among those before it: each is its filing place, so of equals the
                ;; earlier stays ahead.
                (block $placed
                  (loop $shift
                    (br_if $placed (i32.lt_s (local.get $j) (i32.const 0)))
                    (local.set $ku (f64.load (i32.add (global.get $rankKey) (i32.shl (local.get $j) (i32.const 3)))))
                    (br_if $placed (f64.ge (local.get $ku) (local.get $kv)))
                    (i32.store offset=4 (i32.add (global.get $rankIdx) (i32.shl (local.get $j) (i32.const 2)))
                      (i32.load (i32.add (global.get $rankIdx) (i32.shl (local.get $j) (i32.const 2)))))
                    (f64.store offset=8 (i32.add (global.get $rankKey) (i32.shl (local.get $j) (i32.const 3))) (local.get $ku))
                    (local.set $j (i32.sub (local.get $j) (i32.const 1)))
                    (br $shift)))
                (i32.store offset=4 (i32.add (global.get $rankIdx) (i32.shl (local.get $j) (i32.const 2))) (local.get $i))
                (f64.store offset=8 (i32.add (global.get $rankKey) (i32.shl (local.get $j) (i32.const 3))) (local.get $kv))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $key)))))
        (local.set $i (i32.const 0))
        (block $listed
          (loop $list
            (br_if $listed (i32.ge_s (local.get $i) (local.get $n)))
            (local.set $at (i32.shl (i32.add (local.get $base)
              (i32.load (i32.add (global.get $rankIdx) (i32.shl (local.get $i) (i32.const 2))))) (i32.const 2)))
            (local.set $j (i32.shl (i32.add (local.get $start) (local.get $i)) (i32.const 2)))
            (i32.store (i32.add (global.get $pList) (local.get $j)) (i32.load (i32.add (global.get $intervieweeApplicant) (local.get $at))))
            (i32.store (i32.add (global.get $pEntry) (local.get $j)) (i32.load (i32.add (global.get $interviewees) (local.get $at))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $list)))
        (i32.store (i32.add (global.get $pLen) (i32.shl (local.get $q) (i32.const 2))) (local.get $n))
        (local.set $start (i32.add (local.get $start) (i32.load (i32.add (global.get $listRoom) (i32.shl (local.get $q) (i32.const 2))))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $next)))
    (local.get $q))

  ;; The cutoff of each program whose window holds it: among those filed inside it, the
  ;; (slots - above)-th best, if above and inside straddle the slots; the window is
  ;; narrowed where the cutoff and its band lie within it. Every other program that screens
  ;; and has slots, unless all its applications are filed and no more than its slots, is
  ;; marked needsAll (its window widened, unless it was all applications already). Returns
  ;; how many were marked. As the loop in screen (../screening.ts).
  (func (export "screenCutoffs") (param $nP i32) (param $band f64) (result i32)
    (local $q i32) (local $slots i32) (local $from i32) (local $inside i32) (local $above i32)
    (local $low f64) (local $high f64) (local $cutoff f64) (local $guess f64) (local $i i32)
    (local $missed i32) (local $at i32)
    (block $done
      (loop $program
        (br_if $done (i32.ge_u (local.get $q) (local.get $nP)))
        (block $next
          (i32.store8 (i32.add (global.get $needsAll) (local.get $q)) (i32.const 0))
          (br_if $next (i32.load8_u (i32.add (global.get $pHasRankList) (local.get $q))))
          (local.set $slots (i32.load (i32.add (global.get $slots) (i32.shl (local.get $q) (i32.const 2)))))
          (local.set $from (i32.load (i32.add (global.get $programStart) (i32.shl (local.get $q) (i32.const 2)))))
          (local.set $at (i32.add (global.get $tally) (i32.shl (local.get $q) (i32.const 3))))
          (local.set $above (i32.load (local.get $at)))
          (local.set $inside (i32.sub (i32.load offset=4 (local.get $at)) (local.get $from)))
          (br_if $next (i32.eqz (local.get $slots)))
          (local.set $at (i32.add (global.get $window) (i32.shl (local.get $q) (i32.const 4))))
          (local.set $low (f64.load (local.get $at)))
          (local.set $high (f64.load offset=8 (local.get $at)))
          (br_if $next (i32.and (f64.eq (local.get $low) (f64.const -inf)) (i32.le_s (local.get $inside) (local.get $slots))))
          (block $missed
            (br_if $missed (i32.ge_s (local.get $above) (local.get $slots)))
            (br_if $missed (i32.le_s (i32.add (local.get $above) (local.get $inside)) (local.get $slots)))
            (local.set $i (i32.const 0))
            (loop $copy
              (f64.store (i32.add (global.get $values) (i32.shl (local.get $i) (i32.const 3)))
                (f64.load (i32.add (global.get $filedScore) (i32.shl (i32.add (local.get $from) (local.get $i)) (i32.const 3)))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $copy (i32.lt_s (local.get $i) (local.get $inside))))
            (local.set $cutoff (call $select (local.get $inside) (i32.sub (local.get $slots) (local.get $above))))
            (f64.store (i32.add (global.get $cutoffOf) (i32.shl (local.get $q) (i32.const 3))) (local.get $cutoff))
            (local.set $at (i32.add (global.get $guessOf) (i32.shl (local.get $q) (i32.const 3))))
            (local.set $guess (f64.load (local.get $at)))
            (f64.store (local.get $at)
              (select (local.get $cutoff)
                (f64.add (local.get $guess) (f64.mul (f64.const 0.25) (f64.sub (local.get $cutoff) (local.get $guess))))
                (f64.ne (local.get $guess) (local.get $guess))))
            (br_if $missed (f64.lt (f64.sub (local.get $cutoff) (local.get $band)) (local.get $low)))
            (br_if $missed (f64.gt (f64.add (local.get $cutoff) (local.get $band)) (local.get $high)))
            ;; Written as the negations of `>=` and `<=` would be for NaN: a NaN cutoff misses.
            (br_if $missed (f64.ne (local.get $cutoff) (local.get $cutoff)))
            (local.set $at (i32.add (global.get $width) (i32.shl (local.get $q) (i32.const 3))))
            (f64.store (local.get $at) (f64.max (f64.const 1) (f64.mul (f64.load (local.get $at)) (f64.const 0.95))))
            (br $next))
          (if (f64.ne (local.get $low) (f64.const -inf))
            (then
              (local.set $at (i32.add (global.get $width) (i32.shl (local.get $q) (i32.const 3))))
              (f64.store (local.get $at) (f64.min (f64.const 8) (f64.mul (f64.load (local.get $at)) (f64.const 2))))))
          (i32.store8 (i32.add (global.get $needsAll) (local.get $q)) (i32.const 1))
          (local.set $missed (i32.add (local.get $missed) (i32.const 1))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $program)))
    (local.get $missed))

  ;; Invitations and borderline applicants, program by program in the program's order of
  ;; applications, after screenCutoffs (and the filing of every application of the programs
  ;; it marked): as the last loop of screen (../screening.ts). Returns the invitations made;
  ;; borderlineFrom[nP] is the number of borderline entries.
  (func (export "screenInvitations") (param $nP i32) (param $band f64) (result i32)
    (local $q i32) (local $slots i32) (local $from i32) (local $n i32) (local $i i32)
    (local $invited i32) (local $cutoff f64) (local $whole i32) (local $equals i32) (local $k i32)
    (local $v f64) (local $marked i32) (local $count i32) (local $at i32) (local $guess f64)
    (local $up i32) (local $near i32)
    (block $done
      (loop $program
        (br_if $done (i32.ge_u (local.get $q) (local.get $nP)))
        (block $next
          (i32.store (i32.add (global.get $borderlineFrom) (i32.shl (local.get $q) (i32.const 2))) (local.get $marked))
          (i32.store (i32.add (global.get $invitesAt) (i32.shl (local.get $q) (i32.const 2))) (i32.const 0))
          (br_if $next (i32.load8_u (i32.add (global.get $pHasRankList) (local.get $q))))
          (local.set $slots (i32.load (i32.add (global.get $slots) (i32.shl (local.get $q) (i32.const 2)))))
          (local.set $from (i32.load (i32.add (global.get $programStart) (i32.shl (local.get $q) (i32.const 2)))))
          (local.set $at (i32.add (global.get $tally) (i32.shl (local.get $q) (i32.const 3))))
          (local.set $n (i32.sub (i32.load offset=4 (local.get $at)) (local.get $from)))
          (if (i32.eqz (local.get $slots))
            (then
              (i32.store (i32.add (global.get $listRoom) (i32.shl (local.get $q) (i32.const 2))) (i32.const 0))
              (br $next)))
          (local.set $invited (i32.load (local.get $at)))
          (local.set $cutoff (f64.load (i32.add (global.get $cutoffOf) (i32.shl (local.get $q) (i32.const 3)))))
          (if (i32.load8_u (i32.add (global.get $needsAll) (local.get $q)))
            (then
              ;; All of the program's applications: the marks made as scores were drawn are redone.
              (local.set $i (i32.const 0))
              (block $cleared
                (loop $clear
                  (br_if $cleared (i32.ge_s (local.get $i) (local.get $n)))
                  (i32.store8 (i32.add (global.get $invited)
                    (i32.load (i32.add (global.get $byProgram) (i32.shl (i32.add (local.get $from) (local.get $i)) (i32.const 2)))))
                    (i32.const 0))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $clear)))
              (local.set $invited (i32.const 0))))
          (local.set $whole (i32.or
            (i32.load8_u (i32.add (global.get $needsAll) (local.get $q)))
            (f64.eq (f64.load (i32.add (global.get $window) (i32.shl (local.get $q) (i32.const 4)))) (f64.const -inf))))
          (i32.store8 (i32.add (global.get $fileAll) (local.get $q))
            (i32.and (local.get $whole) (i32.le_s (local.get $n) (i32.shl (local.get $slots) (i32.const 1)))))
          (if (i32.and (local.get $whole) (i32.le_s (local.get $n) (local.get $slots)))
            (then
              ;; Every application is here, and there are no more than slots: all are invited.
              (local.set $i (i32.const 0))
              (block $all
                (loop $invite
                  (br_if $all (i32.ge_s (local.get $i) (local.get $n)))
                  (i32.store8 (i32.add (global.get $invited)
                    (i32.load (i32.add (global.get $byProgram) (i32.shl (i32.add (local.get $from) (local.get $i)) (i32.const 2)))))
                    (i32.const 1))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $invite)))
              (local.set $count (i32.add (local.get $count) (local.get $n)))
              (i32.store (i32.add (global.get $invitesAt) (i32.shl (local.get $q) (i32.const 2))) (local.get $n))
              (i32.store (i32.add (global.get $listRoom) (i32.shl (local.get $q) (i32.const 2))) (local.get $n))
              (br $next)))
          (if (f64.ne (local.get $cutoff) (local.get $cutoff))
            (then
              ;; A window that missed its cutoff: found among all the applications.
              (local.set $i (i32.const 0))
              (block $copied
                (loop $copy
                  (br_if $copied (i32.ge_s (local.get $i) (local.get $n)))
                  (f64.store (i32.add (global.get $values) (i32.shl (local.get $i) (i32.const 3)))
                    (f64.load (i32.add (global.get $filedScore) (i32.shl (i32.add (local.get $from) (local.get $i)) (i32.const 3)))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $copy)))
              (local.set $cutoff (call $select (local.get $n) (local.get $slots)))
              (f64.store (i32.add (global.get $cutoffOf) (i32.shl (local.get $q) (i32.const 3))) (local.get $cutoff))
              (local.set $at (i32.add (global.get $guessOf) (i32.shl (local.get $q) (i32.const 3))))
              (local.set $guess (f64.load (local.get $at)))
              (f64.store (local.get $at)
                (select (local.get $cutoff)
                  (f64.add (local.get $guess) (f64.mul (f64.const 0.25) (f64.sub (local.get $cutoff) (local.get $guess))))
                  (f64.ne (local.get $guess) (local.get $guess))))))
          ;; Those above the cutoff invited; those within band of it borderline (band ≥ 0: those
          ;; equal to it too); those equal to it set aside until it is known how many fit.
          ;; Without a branch: which way a score falls is a guess the processor gets wrong
          ;; about once an application. Each mark is stored whatever it is (an entry is filed
          ;; under one program, and its marks start cleared), and each list grows by 0 or 1.
          (local.set $equals (i32.const 0))
          (local.set $i (i32.const 0))
          (block $placed
            (loop $place
              (br_if $placed (i32.ge_s (local.get $i) (local.get $n)))
              (local.set $at (i32.add (local.get $from) (local.get $i)))
              (local.set $k (i32.load (i32.add (global.get $byProgram) (i32.shl (local.get $at) (i32.const 2)))))
              (local.set $v (f64.load (i32.add (global.get $filedScore) (i32.shl (local.get $at) (i32.const 3)))))
              (local.set $up (f64.gt (local.get $v) (local.get $cutoff)))
              (i32.store8 (i32.add (global.get $invited) (local.get $k)) (local.get $up))
              (local.set $invited (i32.add (local.get $invited) (local.get $up)))
              (i32.store (i32.add (global.get $equal) (i32.shl (local.get $equals) (i32.const 2))) (local.get $k))
              (local.set $equals (i32.add (local.get $equals) (f64.eq (local.get $v) (local.get $cutoff))))
              (local.set $near (f64.le (f64.abs (f64.sub (local.get $v) (local.get $cutoff))) (local.get $band)))
              (i32.store8 (i32.add (global.get $borderline) (local.get $k)) (local.get $near))
              (i32.store (i32.add (global.get $borderlineEntries) (i32.shl (local.get $marked) (i32.const 2))) (local.get $k))
              (local.set $marked (i32.add (local.get $marked) (local.get $near)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $place)))
          (local.set $i (i32.const 0))
          (block $fitted
            (loop $fit
              (br_if $fitted (i32.ge_s (local.get $i) (local.get $equals)))
              (if (i32.lt_s (local.get $invited) (local.get $slots))
                (then
                  (i32.store8 (i32.add (global.get $invited)
                    (i32.load (i32.add (global.get $equal) (i32.shl (local.get $i) (i32.const 2))))) (i32.const 1))
                  (local.set $invited (i32.add (local.get $invited) (i32.const 1)))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $fit)))
          (local.set $count (i32.add (local.get $count) (local.get $slots)))
          (i32.store (i32.add (global.get $invitesAt) (i32.shl (local.get $q) (i32.const 2))) (local.get $slots))
          ;; Calls trade invitations but never add one: the list never holds more than the slots.
          (i32.store (i32.add (global.get $listRoom) (i32.shl (local.get $q) (i32.const 2))) (local.get $slots)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $program)))
    (i32.store (i32.add (global.get $borderlineFrom) (i32.shl (local.get $nP) (i32.const 2))) (local.get $marked))
    ;; The borderline entries' applicants, read for them alone (a third of those placed).
    (local.set $i (i32.const 0))
    (block $named
      (loop $name
        (br_if $named (i32.ge_s (local.get $i) (local.get $marked)))
        (local.set $at (i32.shl (local.get $i) (i32.const 2)))
        (i32.store (i32.add (global.get $borderlineApplicant) (local.get $at))
          (i32.load (i32.add (global.get $entryApplicant)
            (i32.shl (i32.load (i32.add (global.get $borderlineEntries) (local.get $at))) (i32.const 2)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $name)))
    (local.get $count))

  ;; Applicant-proposing deferred acceptance on one world's lists (byte addresses of its
  ;; arrays: applicants' aList, aEntry and aLen; programs' pStart, pLen and pEntry), as
  ;; matchWorld does it with ranksBackByEntry and proposeAsApplicants, then each applicant's
  ;; matched place. Writes programOf and matchedRank.
  (func (export "matchApplicants")
    (param $nA i32) (param $nP i32) (param $aList i32) (param $aEntry i32) (param $aLen i32)
    (param $pStart i32) (param $pLen i32) (param $pEntry i32)
    (local $q i32) (local $a i32) (local $i i32) (local $from i32) (local $to i32) (local $k i32)
    (local $at i32) (local $stamp i32) (local $c i32) (local $r i32) (local $p i32) (local $base i32)
    (local $size i32) (local $parent i32) (local $up i32) (local $left i32) (local $right i32)
    (local $child i32) (local $down i32) (local $released i32) (local $start i32) (local $end i32)
    ;; A new stamp for this match's marks; after 2^31 - 1 matches, the marks start again.
    (if (i32.eq (global.get $stamp) (i32.const 0x7fffffff))
      (then
        (memory.fill (global.get $marks) (i32.const 0)
          (i32.shl (i32.load (i32.add (global.get $appOff) (i32.shl (local.get $nA) (i32.const 2)))) (i32.const 3)))
        (global.set $stamp (i32.const 0))))
    (global.set $stamp (i32.add (global.get $stamp) (i32.const 1)))
    (local.set $stamp (global.get $stamp))
    ;; Each entry on a program's list marked with the rank the program gives it.
    (block $marked
      (loop $program
        (br_if $marked (i32.ge_s (local.get $q) (local.get $nP)))
        (local.set $from (i32.load (i32.add (local.get $pStart) (i32.shl (local.get $q) (i32.const 2)))))
        (local.set $to (i32.add (local.get $from) (i32.load (i32.add (local.get $pLen) (i32.shl (local.get $q) (i32.const 2))))))
        (local.set $i (local.get $from))
        (block $done
          (loop $place
            (br_if $done (i32.ge_s (local.get $i) (local.get $to)))
            (local.set $k (i32.load (i32.add (local.get $pEntry) (i32.shl (local.get $i) (i32.const 2)))))
            (if (i32.ge_s (local.get $k) (i32.const 0))
              (then
                (local.set $at (i32.add (global.get $marks) (i32.shl (local.get $k) (i32.const 3))))
                (i32.store (local.get $at) (i32.sub (local.get $i) (local.get $from)))
                (i32.store offset=4 (local.get $at) (local.get $stamp))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $place)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $program)))
    ;; Read back at each place of the applicants' lists; and every applicant starts free.
    (block $read
      (loop $applicant
        (br_if $read (i32.ge_s (local.get $a) (local.get $nA)))
        (local.set $from (i32.load (i32.add (global.get $aListOff) (i32.shl (local.get $a) (i32.const 2)))))
        (local.set $to (i32.add (local.get $from) (i32.load (i32.add (local.get $aLen) (i32.shl (local.get $a) (i32.const 2))))))
        (i32.store (i32.add (global.get $next) (i32.shl (local.get $a) (i32.const 2))) (local.get $from))
        (i32.store (i32.add (global.get $programOf) (i32.shl (local.get $a) (i32.const 2))) (i32.const -1))
        (local.set $i (local.get $from))
        (block $done
          (loop $place
            (br_if $done (i32.ge_s (local.get $i) (local.get $to)))
            (local.set $k (i32.load (i32.add (local.get $aEntry) (i32.shl (local.get $i) (i32.const 2)))))
            (local.set $r (i32.const -1))
            (if (i32.ge_s (local.get $k) (i32.const 0))
              (then
                (local.set $at (i32.add (global.get $marks) (i32.shl (local.get $k) (i32.const 3))))
                (if (i32.eq (i32.load offset=4 (local.get $at)) (local.get $stamp))
                  (then (local.set $r (i32.load (local.get $at)))))))
            (i32.store (i32.add (global.get $rankBack) (i32.shl (local.get $i) (i32.const 2))) (local.get $r))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $place)))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $applicant)))
    ;; Each program holds a max-heap of the ranks it gives those it holds (the one to release
    ;; on top), the applicants in a parallel heap; a program holds no more than it ranks.
    (i32.store (global.get $heapStart) (i32.const 0))
    (local.set $q (i32.const 0))
    (block $roomed
      (loop $program
        (br_if $roomed (i32.ge_s (local.get $q) (local.get $nP)))
        (local.set $c (i32.load (i32.add (global.get $capacity) (i32.shl (local.get $q) (i32.const 2)))))
        (local.set $r (i32.load (i32.add (local.get $pLen) (i32.shl (local.get $q) (i32.const 2)))))
        (if (i32.lt_s (local.get $r) (local.get $c)) (then (local.set $c (local.get $r))))
        (if (i32.lt_s (local.get $c) (i32.const 0)) (then (local.set $c (i32.const 0))))
        (local.set $at (i32.shl (local.get $q) (i32.const 2)))
        (i32.store (i32.add (global.get $room) (local.get $at)) (local.get $c))
        (i32.store (i32.add (global.get $held) (local.get $at)) (i32.const 0))
        (i32.store offset=4 (i32.add (global.get $heapStart) (local.get $at))
          (i32.add (i32.load (i32.add (global.get $heapStart) (local.get $at))) (local.get $c)))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $program)))
    ;; Each free applicant proposes down their list; a program over its room releases the
    ;; one it ranks lowest, who goes on down theirs (proposeAsApplicants).
    (local.set $start (i32.const 0))
    (block $proposed
      (loop $each
        (br_if $proposed (i32.ge_s (local.get $start) (local.get $nA)))
        (local.set $a (local.get $start))
        (local.set $k (i32.load (i32.add (global.get $next) (i32.shl (local.get $a) (i32.const 2)))))
        (local.set $end (i32.add (i32.load (i32.add (global.get $aListOff) (i32.shl (local.get $a) (i32.const 2))))
          (i32.load (i32.add (local.get $aLen) (i32.shl (local.get $a) (i32.const 2))))))
        (block $settled
          (loop $propose
            (br_if $settled (i32.ge_s (local.get $k) (local.get $end)))
            (local.set $p (i32.load (i32.add (local.get $aList) (i32.shl (local.get $k) (i32.const 2)))))
            (local.set $r (i32.load (i32.add (global.get $rankBack) (i32.shl (local.get $k) (i32.const 2)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (local.set $c (i32.load (i32.add (global.get $room) (i32.shl (local.get $p) (i32.const 2)))))
            (br_if $propose (i32.lt_s (local.get $r) (i32.const 0)))
            (br_if $propose (i32.eqz (local.get $c)))
            (local.set $base (i32.load (i32.add (global.get $heapStart) (i32.shl (local.get $p) (i32.const 2)))))
            (local.set $size (i32.load (i32.add (global.get $held) (i32.shl (local.get $p) (i32.const 2)))))
            (if (i32.lt_s (local.get $size) (local.get $c))
              (then
                ;; Room: held, sifted up the heap.
                (local.set $i (local.get $size))
                (block $top
                  (loop $sift
                    (br_if $top (i32.le_s (local.get $i) (i32.const 0)))
                    (local.set $parent (i32.shr_s (i32.sub (local.get $i) (i32.const 1)) (i32.const 1)))
                    (local.set $up (i32.load (i32.add (global.get $heapRank) (i32.shl (i32.add (local.get $base) (local.get $parent)) (i32.const 2)))))
                    (br_if $top (i32.ge_s (local.get $up) (local.get $r)))
                    (i32.store (i32.add (global.get $heapRank) (i32.shl (i32.add (local.get $base) (local.get $i)) (i32.const 2))) (local.get $up))
                    (i32.store (i32.add (global.get $heapWho) (i32.shl (i32.add (local.get $base) (local.get $i)) (i32.const 2)))
                      (i32.load (i32.add (global.get $heapWho) (i32.shl (i32.add (local.get $base) (local.get $parent)) (i32.const 2)))))
                    (local.set $i (local.get $parent))
                    (br $sift)))
                (i32.store (i32.add (global.get $heapRank) (i32.shl (i32.add (local.get $base) (local.get $i)) (i32.const 2))) (local.get $r))
                (i32.store (i32.add (global.get $heapWho) (i32.shl (i32.add (local.get $base) (local.get $i)) (i32.const 2))) (local.get $a))
                (i32.store (i32.add (global.get $held) (i32.shl (local.get $p) (i32.const 2))) (i32.add (local.get $size) (i32.const 1)))
                (i32.store (i32.add (global.get $programOf) (i32.shl (local.get $a) (i32.const 2))) (local.get $p))
                (i32.store (i32.add (global.get $next) (i32.shl (local.get $a) (i32.const 2))) (local.get $k))
                (br $settled)))
            ;; Full: the program prefers everyone it holds, or releases the lowest.
            (br_if $propose (i32.gt_s (local.get $r)
              (i32.load (i32.add (global.get $heapRank) (i32.shl (local.get $base) (i32.const 2))))))
            (local.set $released (i32.load (i32.add (global.get $heapWho) (i32.shl (local.get $base) (i32.const 2)))))
            (local.set $i (i32.const 0))
            (block $bottom
              (loop $sift
                (local.set $left (i32.add (i32.shl (local.get $i) (i32.const 1)) (i32.const 1)))
                (br_if $bottom (i32.ge_s (local.get $left) (local.get $c)))
                (local.set $right (i32.add (local.get $left) (i32.const 1)))
                (local.set $child (local.get $left))
                (if (i32.lt_s (local.get $right) (local.get $c))
                  (then
                    (if (i32.gt_s
                          (i32.load (i32.add (global.get $heapRank) (i32.shl (i32.add (local.get $base) (local.get $right)) (i32.const 2))))
                          (i32.load (i32.add (global.get $heapRank) (i32.shl (i32.add (local.get $base) (local.get $left)) (i32.const 2)))))
                      (then (local.set $child (local.get $right))))))
                (local.set $down (i32.load (i32.add (global.get $heapRank) (i32.shl (i32.add (local.get $base) (local.get $child)) (i32.const 2)))))
                (br_if $bottom (i32.le_s (local.get $down) (local.get $r)))
                (i32.store (i32.add (global.get $heapRank) (i32.shl (i32.add (local.get $base) (local.get $i)) (i32.const 2))) (local.get $down))
                (i32.store (i32.add (global.get $heapWho) (i32.shl (i32.add (local.get $base) (local.get $i)) (i32.const 2)))
                  (i32.load (i32.add (global.get $heapWho) (i32.shl (i32.add (local.get $base) (local.get $child)) (i32.const 2)))))
                (local.set $i (local.get $child))
                (br $sift)))
            (i32.store (i32.add (global.get $heapRank) (i32.shl (i32.add (local.get $base) (local.get $i)) (i32.const 2))) (local.get $r))
            (i32.store (i32.add (global.get $heapWho) (i32.shl (i32.add (local.get $base) (local.get $i)) (i32.const 2))) (local.get $a))
            (i32.store (i32.add (global.get $programOf) (i32.shl (local.get $a) (i32.const 2))) (local.get $p))
            (i32.store (i32.add (global.get $next) (i32.shl (local.get $a) (i32.const 2))) (local.get $k))
            (i32.store (i32.add (global.get $programOf) (i32.shl (local.get $released) (i32.const 2))) (i32.const -1))
            (local.set $a (local.get $released))
            (local.set $k (i32.load (i32.add (global.get $next) (i32.shl (local.get $a) (i32.const 2)))))
            (local.set $end (i32.add (i32.load (i32.add (global.get $aListOff) (i32.shl (local.get $a) (i32.const 2))))
              (i32.load (i32.add (local.get $aLen) (i32.shl (local.get $a) (i32.const 2))))))
            (br $propose)))
        (local.set $start (i32.add (local.get $start) (i32.const 1)))
        (br $each)))
    ;; Each applicant's matched place on their own list, from 1; 0 if unmatched: the place
    ;; after the one last accepted is where their next proposal would start (a list names a
    ;; program once), so no list is searched.
    (local.set $a (i32.const 0))
    (block $ranked
      (loop $applicant
        (br_if $ranked (i32.ge_s (local.get $a) (local.get $nA)))
        (local.set $at (i32.shl (local.get $a) (i32.const 2)))
        (i32.store (i32.add (global.get $matchedRank) (local.get $at))
          (select
            (i32.sub (i32.load (i32.add (global.get $next) (local.get $at))) (i32.load (i32.add (global.get $aListOff) (local.get $at))))
            (i32.const 0)
            (i32.ge_s (i32.load (i32.add (global.get $programOf) (local.get $at))) (i32.const 0))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $applicant))))
)
