;; The page scan of a live migration, in WebAssembly SIMD: it reads the guest's RAM where v86
;; keeps it (v86's own memory, imported) and, for each 4 KB page, a 256-bit hash of two
;; independent lanes of four 32-bit words (each step a bijection of the lane for a fixed word and
;; of the word for a fixed lane, so any single changed word always changes the hash); it writes
;; the numbers of the pages whose hash changed since the last scan, and keeps the new hashes.
;; Built by scripts/build-page-scan.mjs into pageScan.wasm.ts (checked in).
(module
  (import "v86" "memory" (memory 0))
  (func (export "scan")
    (param $ram i32) (param $first i32) (param $last i32) (param $hashes i32) (param $out i32)
    (result i32)
    (local $p i32) (local $at i32) (local $end i32) (local $h i32) (local $n i32)
    (local $a v128) (local $b v128) (local $v v128)
    (local.set $p (local.get $first))
    (block $done
      (loop $page
        (br_if $done (i32.ge_u (local.get $p) (local.get $last)))
        (local.set $a (v128.const i32x4 0x811c9dc5 0x27d4eb2f 0x165667b1 0x9e3779b9))
        (local.set $b (v128.const i32x4 0x85ebca77 0xc2b2ae3d 0x27d4eb2f 0x811c9dc5))
        (local.set $at (i32.add (local.get $ram) (i32.shl (local.get $p) (i32.const 12))))
        (local.set $end (i32.add (local.get $at) (i32.const 4096)))
        (loop $words
          (local.set $v (v128.load (local.get $at)))
          ;; a = rotl((a ^ v) * K1, 13)
          (local.set $a
            (i32x4.mul (v128.xor (local.get $a) (local.get $v))
              (v128.const i32x4 0x9e3779b1 0x9e3779b1 0x9e3779b1 0x9e3779b1)))
          (local.set $a
            (v128.or (i32x4.shl (local.get $a) (i32.const 13))
              (i32x4.shr_u (local.get $a) (i32.const 19))))
          ;; b = (b + v) * K2; b ^= b >>> 15
          (local.set $b
            (i32x4.mul (i32x4.add (local.get $b) (local.get $v))
              (v128.const i32x4 0x85ebca77 0x85ebca77 0x85ebca77 0x85ebca77)))
          (local.set $b (v128.xor (local.get $b) (i32x4.shr_u (local.get $b) (i32.const 15))))
          (local.set $at (i32.add (local.get $at) (i32.const 16)))
          (br_if $words (i32.lt_u (local.get $at) (local.get $end))))
        (local.set $h (i32.add (local.get $hashes) (i32.shl (local.get $p) (i32.const 5))))
        (if (v128.any_true
              (v128.or (v128.xor (local.get $a) (v128.load (local.get $h)))
                       (v128.xor (local.get $b) (v128.load offset=16 (local.get $h)))))
          (then
            (v128.store (local.get $h) (local.get $a))
            (v128.store offset=16 (local.get $h) (local.get $b))
            (i32.store (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 2)))
              (local.get $p))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $page)))
    (local.get $n)))
