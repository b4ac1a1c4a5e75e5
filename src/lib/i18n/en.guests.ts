// Strings of the screen, the shared folder and the teacher's own images, in English (spread
// into en.ts).

export const enGuests = {
  'guest.memoryChoose': 'Memory of this machine',
  'guest.memoryRestart': 'Restart with this memory',
  'guest.memoryRestartHint':
    '{machine} restarts from scratch (a cold boot): what runs in it now is lost. Its snapshots keep their own memory.',
  'screen.label': 'Screen of {name}',
  'screen.clickToCapture': 'Click the screen to type into the guest (and use its mouse).',
  'screen.captured': 'Keyboard and mouse go to the guest. Press Right Ctrl to release them.',
  'screen.ctrlAltDel': 'Ctrl+Alt+Del',
  'screen.ctrlAltDelHint': 'Send Ctrl+Alt+Del to the guest (the browser keeps it for itself)',
  'screen.view': 'View',
  'screen.showScreen': 'Screen',
  'screen.showSerial': 'Serial terminal',
  'screen.silent':
    'The guest has shown nothing for {seconds} s. It may be writing to the other output: switch between Screen and Serial terminal.',
  'guest.chooseProfile': 'Guest',
  'guest.chooseProfileHint': 'Boot another guest, in a new machine or in place of this one',
  'guest.banner':
    "aula86: Linux {release} ({arch}) is running inside v86. Type 'aula' for things to try.",
  'guest.start': 'Start {guest}',
  'shared.heading': 'Shared folder',
  'shared.hint':
    'Files sent here appear in the guest under /mnt/host; what the guest writes there can be downloaded. You can also drop files on the machine.',
  'shared.send': 'Send files…',
  'shared.sending': 'Sending {name}…',
  'shared.files': 'Files in the shared folder',
  'shared.empty': 'The shared folder is empty.',
  'shared.download': 'Download',
  'shared.downloadNamed': 'Download “{name}”',
  'shared.downloaded': 'Downloaded “{name}”.',
  'shared.showAll': 'Show all {count} files',
  'shared.sent': '{name} is in /mnt/host of {machine}.',
  'shared.sentMany': '{count} files are in /mnt/host of {machine}.',
  'shared.dropHere': 'Drop files to send them to {name} (/mnt/host)',
  'shared.error.noMachine': 'This machine is not running: start it to use its shared folder.',
  'shared.error.notRunning': '{name} is not running: start it to send files.',
  'shared.error.tooBig': '{name} is larger than {max} bytes, the most one file may be.',
  'shared.error.folderFull': 'The shared folder may hold {max} bytes in all: this does not fit.',
  'shared.error.changed': '{name} changed while it was being read: try again.',
  'shared.error.send': 'The files could not be sent: {detail}',
  'shared.error.read': '{name} could not be read: {detail}',
  'media.heading': 'Add a guest',
  'media.hint':
    'Boot your own image: an ISO (CD-ROM), a hard-disk or floppy image, or a Linux kernel (bzImage) with an initrd. It is stored in this browser and listed as a guest.',
  'media.choose': 'Choose an image…',
  'media.drop': 'or drop it here',
  'media.dropZone': 'Drop a boot image here',
  'media.detected': 'What the file is',
  'media.device': 'Boot from',
  'media.device.cdrom': 'CD-ROM',
  'media.device.hda': 'Hard disk',
  'media.device.fda': 'Floppy',
  'media.device.kernel': 'Linux kernel',
  'media.memory': 'Memory (MB)',
  'media.cmdline': 'Kernel command line',
  'media.initrd': 'initrd (optional)',
  'media.addNew': 'Boot in a new machine',
  'media.addReplace': 'Replace {machine} with it',
  'media.addReplaceHint': 'What runs in {machine} now is lost (save a snapshot first to keep it).',
  'media.cancel': 'Cancel',
  'media.hashing': 'Checking {name} (SHA-256)…',
  'media.storing': 'Storing {name}…',
  'media.added': '{name} was added; {machine} boots it now.',
  'media.addedNoRoom':
    '{name} was added to your guests, but the lab has no room for another machine: choose it in a machine’s Guest list, or remove a machine.',
  'media.list': 'Your guests',
  'media.remove': 'Remove',
  'media.removeNamed': 'Remove {name}',
  'media.removed': '{name} was removed from this browser.',
  'media.usage': 'This browser stores {used} MB for the lab and allows {quota} MB.',
  'media.notPersistent': 'This window cannot keep images: they last until it closes.',
  'media.discard': 'Discard disk changes',
  'media.discardHint':
    'Boot again from the unchanged image: what the guest wrote to its disk is dropped',
  'media.changes':
    'Disk changes: {size}, kept in memory and in snapshots (the image itself is never changed).',
  'media.discarded': 'The disk changes were discarded: {name} boots from the unchanged image.',
  'media.fact.iso': 'ISO 9660 CD image “{label}”, {size} bytes',
  'media.fact.elTorito': 'El Torito boot record: the CD is bootable',
  'media.fact.mbr':
    'Boot sector with the MBR signature 55 AA ({partitions, plural, one {# partition} other {# partitions}})',
  'media.fact.floppy': '{kib} KB: a floppy disk size',
  'media.fact.kernel': 'Linux kernel {release}, boot protocol {protocol}',
  'media.problem.empty': 'The file is empty.',
  'media.problem.truncatedIso':
    'The ISO says it is {expected} bytes but the file has {actual}: it was cut short (an interrupted download?).',
  'media.problem.isoNotBootable':
    'An ISO 9660 data disc without an El Torito boot record or an MBR: a PC cannot boot from it.',
  'media.problem.truncatedKernel':
    'The kernel header says {expected} bytes but the file has {actual}: it was cut short.',
  'media.problem.oldKernel':
    'Linux boot protocol {protocol}: too old for a bzImage loaded high (2.02 or later is needed).',
  'media.problem.partialSector':
    'The disk image ({size} bytes) ends in the middle of a 512-byte sector: it was cut short.',
  'media.problem.unknown':
    'Not a bootable image: no ISO 9660 volume at 32 KB, no boot signature 55 AA at byte 510, no Linux kernel header “HdrS”, and not the size of a floppy.',
  'media.error.changed': 'The file changed while it was being read: try again.',
  'media.error.tooLarge': 'The image is {size} MB; an image may be at most {max} MB.',
  'media.error.notBootable': '{name} cannot be booted (see why above).',
  'media.error.wrongDevice': '{name} cannot be booted from that device.',
  'media.error.memory':
    '{memory} MB of memory will not do: this guest needs at least {least} MB and a machine of this lab may have at most {most} MB.',
  'media.error.quota':
    'The image needs {size} MB and this browser lets the lab store only {available} MB more: nothing was written.',
  'media.error.duplicate':
    'This image is in the lab already, as “{name}”: choose that guest (or remove it first to add it again).',
  'media.error.quotaHit':
    "The browser refused to store more after {written} MB of {size} MB: this site's storage is full, though the browser estimated {free} MB free (a private window allows far less). Delete guests or snapshots you no longer need. Nothing of this image was kept.",
  'media.error.quotaHitUnknown':
    "The browser refused to store more after {written} MB of {size} MB: this site's storage is full. Delete guests or snapshots you no longer need. Nothing of this image was kept.",
  'media.error.refused':
    'The browser refused to store the image ({name}) after {written} MB of {size} MB. Nothing of it was kept; the guests and snapshots already stored are intact.',
  'media.error.store': 'The image could not be stored: {detail}',
  'media.error.gone':
    'The image of {name} is no longer in this browser (removed, or its data was cleared).',
  'media.error.inUse': '{name} is the guest of {machines}: give them another guest first.',
  'profile.tiny': 'aula86 tiny Linux (i686, busybox) · virtio-net',
  'profile.tiny-ne2k': 'aula86 tiny Linux (i686, busybox) · NE2000',
  'profile.tiny-screen': 'aula86 tiny Linux (i686, busybox) · screen and keyboard',
} as const;
