package io.amira.simulator;

/** One manager.conf user. The secret never appears in toString or logs. */
final class UserAccount {
    final String name;
    final String secret;
    final int readPerm;
    final int writePerm;
    final String readClasses;
    final String writeClasses;

    UserAccount(String name, String secret, String readClasses, String writeClasses) {
        this.name = name;
        this.secret = secret;
        this.readClasses = readClasses;
        this.writeClasses = writeClasses;
        this.readPerm = EventClass.parseList(readClasses);
        this.writePerm = EventClass.parseList(writeClasses);
    }

    @Override
    public String toString() {
        return "user " + name + " read=" + readClasses + " write=" + writeClasses;
    }
}
